// The trend chart image for a month's documents, cached by the series it is drawn from (the same
// series the browser app draws as SVG, src/domain/chart-series.ts): re-rendering an unchanged month
// reuses the PNG instead of drawing it again.
import { documentTrendSeries } from "../domain/chart-series.js";
import type { IndicatorTrend } from "../domain/trends.js";
import { cachedBlob } from "../io/cache.js";
import { trendChart } from "./chart.js";
import { type Picture, sniffImage } from "./docx.js";

export async function trendImages(trends: IndicatorTrend[], env: NodeJS.ProcessEnv): Promise<Record<string, Picture>> {
  const series = documentTrendSeries(trends);
  if (!series) return {};
  const key = JSON.stringify({ chart: 4, series });
  const png = await cachedBlob(
    key,
    async () => (await trendChart(series)).png,
    (data) => sniffImage(data)?.type === "png",
    env,
  );
  const info = sniffImage(png);
  return { tren: { png, width: info?.width ?? 1, height: info?.height ?? 1 } };
}
