// The month's own pages that are not forms of one file: the overview (the SOP's path with each
// step's state), and the pages around the meeting. Pure functions of what they show.
import type { Child } from "hono/jsx";
import { monthName } from "../../domain/format-date.js";
import { getLang, msg, t } from "../../i18n/index.js";
import { type Frame, Layout } from "../components/layout.js";
import { Flash } from "../views.js";
import { type MonthLink, PHASES } from "./registry.js";

export const monthTitle = (month: string) => (getLang() === "id" ? monthName(month) : month);

const V = {
  meetingMode: msg("Mode rapat (layar proyektor)", "Meeting mode (projector screen)"),
  intro: msg(
    "Langkah bulan ini menurut SOP, dari persiapan sampai pengiriman ke Dinas Kesehatan. Tanda di setiap langkah " +
      "berasal dari pemeriksaan lokmin (Periksa).",
    "This month's steps as the SOP takes them, from preparation to sending to the health office. The mark at each " +
      "step comes from lokmin's check (Check).",
  ),
  open: msg("Buka", "Open"),
  checking: msg("Memeriksa bulan ini…", "Checking this month…"),
};

/** One step of the month: its page, what it covers, and its state from check. */
export interface Step {
  link: MonthLink;
  /**
   * "ok" nothing to fix; "todo" only what is not filled in yet (a month just prepared); "warning"/
   * "error" with how many findings; undefined when not known.
   */
  state?: { kind: "ok" | "todo" | "warning" | "error" | "info"; count: number };
}

const STATE_TEXT = {
  ok: msg("beres", "done"),
  todo: msg("{n} belum diisi", "{n} still to fill in"),
  warning: msg("{n} perlu dilihat", "{n} to look at"),
  error: msg("{n} perlu diperbaiki", "{n} to fix"),
  info: msg("{n} catatan", "{n} notes"),
};

export function StepState(props: { state?: Step["state"] }) {
  const s = props.state;
  if (!s) return null;
  const mark = s.kind === "ok" ? "✓" : s.kind === "error" ? "✗" : s.kind === "todo" ? "○" : "!";
  return (
    <span class={`state ${s.kind}`}>
      <span aria-hidden="true">{mark}</span> {t(STATE_TEXT[s.kind], { n: s.count })}
    </span>
  );
}

/** The month's steps by phase, each with its state; the overview shows it and refreshes it from check. */
export function StepsList(props: { steps: Step[]; month: string; pending?: boolean }) {
  const phases = (["sebelum", "rapat", "sesudah"] as const)
    .map((phase) => ({ phase, steps: props.steps.filter((s) => s.link.phase === phase) }))
    .filter((p) => p.steps.length);
  return (
    <div
      id="langkah"
      {...(props.pending
        ? { "hx-get": `/bulan/${props.month}/status`, "hx-trigger": "load", "hx-swap": "outerHTML" }
        : {})}
    >
      {props.pending ? <p class="hint">{t(V.checking)}</p> : null}
      {phases.map(({ phase, steps }) => (
        <section aria-labelledby={`h-${phase}`}>
          <h2 id={`h-${phase}`}>{t(PHASES[phase])}</h2>
          <ol class="steps">
            {steps.map((step) => (
              <li class={`step ${step.state?.kind ?? ""}`}>
                <a href={step.link.href}>{t(step.link.label)}</a>
                <span class="what">{step.link.what ? t(step.link.what) : ""}</span>
                <StepState state={step.state} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function MonthPage(props: { frame: Frame; month: string; steps: Step[]; flash?: string; actions?: Child }) {
  return (
    <Layout {...props.frame}>
      <h1>{monthTitle(props.month)}</h1>
      <Flash text={props.flash} />
      <p class="lead">{t(V.intro)}</p>
      <p>
        <a class="button" href={`/bulan/${props.month}/rapat`}>
          {t(V.meetingMode)}
        </a>
      </p>
      <StepsList steps={props.steps} month={props.month} pending />
      {props.actions}
    </Layout>
  );
}
