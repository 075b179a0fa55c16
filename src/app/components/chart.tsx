// A chart in a page: the SVG drawn from the documents' own series (src/render/svg.ts) and, beside
// it, the same numbers as a table — for screen readers, for copying into Excel, and for anyone who
// would rather read than look.
import { raw } from "hono/html";
import type { TrendPanel } from "../../domain/chart-series.js";
import { percent } from "../../domain/format-id.js";
import { monthName } from "../../domain/format-date.js";
import { type Message, msg, t } from "../../i18n/index.js";
import { trendPanelSvg } from "../../render/svg.js";

export const C = {
  month: msg("Bulan", "Month"),
  capaian: msg("Capaian", "Coverage"),
  target: msg("Target", "Target"),
  state: msg("Keadaan", "State"),
  behind: msg("tertinggal", "behind"),
  onTarget: msg("sesuai target", "on target"),
  noData: msg("belum diisi", "not filled in"),
  describe: msg(
    "Garis tebal dengan titik hitam: capaian kumulatif; garis putus-putus dengan titik putih: target kumulatif. " +
      "Angkanya ada di tabel di sebelahnya.",
    "Thick line with black dots: cumulative coverage; dashed line with white dots: cumulative target. The numbers " +
      "are in the table beside it.",
  ),
  behindFor: msg("tertinggal {n} bulan berturut-turut", "behind {n} months in a row"),
};

/** The state of a figure in words and a mark, never by colour alone. */
export function StateMark(props: { behind: boolean | null; capaian?: number | null }) {
  if (props.behind === null || props.capaian === null)
    return (
      <span class="mark none">
        <span aria-hidden="true">–</span> {t(C.noData)}
      </span>
    );
  return props.behind ? (
    <span class="mark behind">
      <span aria-hidden="true">▼</span> {t(C.behind)}
    </span>
  ) : (
    <span class="mark ok">
      <span aria-hidden="true">✓</span> {t(C.onTarget)}
    </span>
  );
}

export interface TrendFigureProps {
  panel: TrendPanel;
  id: string;
  width?: number;
  height?: number;
  font?: number;
  /** Heading level text above the chart (default: the indicator's name). */
  heading?: string;
  caption?: Message;
}

export function TrendFigure(props: TrendFigureProps) {
  const { panel } = props;
  const svg = trendPanelSvg(panel, {
    id: props.id,
    width: props.width,
    height: props.height,
    font: props.font,
    description: t(C.describe),
  });
  const rows = panel.points.filter((p) => p.target !== null);
  return (
    <figure class={`trend${panel.flagged ? " flagged" : ""}`} data-indikator={`${panel.program}/${panel.indikator}`}>
      <figcaption>
        <strong>{props.heading ?? panel.title}</strong>
        <small>{panel.programName}</small>
        {panel.flagged ? <span class="flag">{t(C.behindFor, { n: panel.behindStreak })}</span> : null}
      </figcaption>
      <div class="trend-body">
        <div class="svg">{raw(svg)}</div>
        <table class="numbers">
          <caption class="sr">{panel.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t(C.month)}</th>
              <th scope="col">{t(C.capaian)}</th>
              <th scope="col">{t(C.target)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr class={p.behind ? "behind" : undefined}>
                <th scope="row" title={monthName(p.month)}>
                  {p.label}
                </th>
                <td>
                  {percent(p.capaian)}
                  {p.behind ? (
                    <span class="mark-inline" title={t(C.behind)}>
                      {" "}
                      ▼<span class="sr"> {t(C.behind)}</span>
                    </span>
                  ) : null}
                </td>
                <td>{percent(p.target)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
