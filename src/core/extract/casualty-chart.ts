import sharp from "sharp";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { type Incident, incidentName } from "./casualties.js";

/** A short axis label for an incident: its place (or summary) and citation. */
function label(incident: Incident, index: number): string {
  const where = incident.place || incident.target ? incidentName({ ...incident, when: null, aggregate: false }) : incident.summary.replace(/^Aggregate: /, "");
  return `${index + 1}. ${where.length > 38 ? where.slice(0, 37) + "…" : where} ¶${incident.citation.paragraph}`;
}

/**
 * Grouped bars of killed / injured / killed-or-injured per incident, with aggregates in their own
 * panel so a total over many attacks is never read as one more incident. Rendered by Vega-Lite to
 * SVG and rasterised by sharp, both installed from the npm registry alone.
 */
export async function renderCasualtyChart(incidents: Incident[], title = "Casualties by incident (from the brief)"): Promise<Buffer> {
  const rows = incidents.flatMap((incident, i) =>
    (
      [
        ["killed", incident.killed],
        ["injured", incident.injured],
        ["killed or injured", incident.killedOrInjured],
      ] as const
    )
      .filter(([, figure]) => figure !== null)
      .map(([measure, figure]) => ({
        incident: label(incident, i),
        measure,
        count: figure!.count,
        bound: figure!.bound === "exact" ? "" : figure!.bound,
        kind: incident.aggregate ? "Aggregates (many attacks)" : "Single incidents",
      })),
  );
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title,
    data: { values: rows },
    facet: { row: { field: "kind", type: "nominal", title: null, sort: "descending" } },
    resolve: { scale: { y: "independent", x: "independent" } },
    spec: {
      width: 520,
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: { field: "incident", type: "nominal", title: null, sort: null, axis: { labelLimit: 300 } },
            yOffset: { field: "measure" },
            x: { field: "count", type: "quantitative", title: "people" },
            color: {
              field: "measure",
              type: "nominal",
              scale: { domain: ["killed", "injured", "killed or injured"], range: ["#c0392b", "#e67e22", "#7f8c8d"] },
              title: null,
            },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 3, fontSize: 10 },
          encoding: {
            y: { field: "incident", type: "nominal", sort: null },
            yOffset: { field: "measure" },
            x: { field: "count", type: "quantitative" },
            text: { value: { expr: "(datum.bound ? datum.bound + ' ' : '') + format(datum.count, ',')" } },
          },
        },
      ],
    },
    config: { font: "DejaVu Sans", background: "white" },
  };
  // Vega-Lite warns about facet scale unions that are intended here; keep stderr for real problems.
  const quiet = vega.logger(vega.None);
  const view = new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), { renderer: "none", logLevel: vega.None });
  const svg = await view.toSVG();
  view.finalize();
  return sharp(Buffer.from(svg)).png().toBuffer();
}
