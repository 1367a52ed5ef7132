import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LineChart } from "../../app/components/line-chart";

describe("LineChart (SVG)", () => {
  it("draws one line per run of values, a gap for a week without one, and the reminders marker", () => {
    // GIVEN four weeks, the third without a finished hold, and reminders on in the fourth
    const html = renderToStaticMarkup(
      <LineChart
        title="Weekly pickup rate"
        points={[
          { key: "2026-11-02", value: 60 },
          { key: "2026-11-09", value: 70 },
          { key: "2026-11-16", value: null },
          { key: "2026-11-23", value: 90 },
        ]}
        markers={[{ key: "2026-11-23", label: "Reminders on" }]}
      />,
    );
    // THEN two line segments (the gap splits them), three dots, the marker and its label
    expect(html.match(/<polyline/g)).toHaveLength(2);
    expect(html.match(/<circle/g)).toHaveLength(3);
    expect(html).toContain('data-marker="2026-11-23"');
    expect(html).toContain("Reminders on");
    expect(html).toContain("2026-11-23: 90%");
  });

  it("leaves out a marker outside the weeks shown", () => {
    const html = renderToStaticMarkup(
      <LineChart
        title="t"
        points={[{ key: "2026-11-02", value: 50 }]}
        markers={[{ key: "2025-01-06", label: "x" }]}
      />,
    );
    expect(html).not.toContain("data-marker");
  });
});
