// The trend chart image for a month's documents, cached by the data it is drawn from: re-rendering
// an unchanged month reuses the PNG instead of drawing it again.
import { shortMonthName } from "../domain/format-date.js";
import type { IndicatorTrend } from "../domain/trends.js";
import { cachedBlob } from "../io/cache.js";
import { trendChart } from "./chart.js";
import { type Picture, sniffImage } from "./docx.js";

export async function trendImages(trends: IndicatorTrend[], env: NodeJS.ProcessEnv): Promise<Record<string, Picture>> {
  if (!trends.length) return {};
  const months = [...new Set(trends.flatMap((t) => t.points.map((p) => p.month)))].sort();
  const behind = trends.filter((t) => t.behindStreak > 0);
  const shown = behind.length ? behind : trends;
  const labels = months.map(shortMonthName);
  const title = `Capaian kumulatif ${months[0].slice(0, 4)} terhadap target masing-masing indikator`;
  const key = JSON.stringify({ chart: 3, shown, labels, title });
  const png = await cachedBlob(
    key,
    async () => (await trendChart(shown, labels, title)).png,
    (data) => sniffImage(data)?.type === "png",
    env,
  );
  const info = sniffImage(png);
  return { tren: { png, width: info?.width ?? 1, height: info?.height ?? 1 } };
}
