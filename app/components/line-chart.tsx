/** One point of a line chart: a category label (a week) and its value; null = no value (a gap in the line). */
export interface LinePoint {
  key: string;
  value: number | null;
}

/** A vertical line at a category, with a label (an event: "Reminders on"). */
export interface LineMarker {
  key: string;
  label: string;
}

// Drawn at about the size a full-width admin card shows it, so the text keeps its size.
const W = 960;
const H = 240;
const PAD = { left: 40, right: 12, top: 24, bottom: 28 };

/**
 * A small SVG line chart (rendered on the server too: no DOM measuring): a percent-like series from 0 to `max`,
 * gaps where a value is null, a dot per value, and dashed markers with their labels.
 */
export function LineChart({
  points,
  markers = [],
  max = 100,
  unit = "%",
  title,
}: {
  points: LinePoint[];
  markers?: LineMarker[];
  max?: number;
  unit?: string;
  /** For screen readers. */
  title: string;
}) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - (Math.min(Math.max(v, 0), max) / max) * innerH;
  // Consecutive values form one segment; a null ends it.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(" "));
  const labelled = points.length <= 1 ? [0] : [0, Math.floor((points.length - 1) / 2), points.length - 1];
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      style={{ maxWidth: W, display: "block" }}
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      {[0, max / 2, max].map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e3e3e3" />
          <text x={PAD.left - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill="#616161">
            {`${tick}${unit}`}
          </text>
        </g>
      ))}
      {[...new Set(labelled)].map((i) => (
        <text
          key={i}
          x={x(i)}
          y={H - 8}
          fontSize="11"
          textAnchor={
            points.length > 1 && i === 0 ? "start" : i === points.length - 1 && i > 0 ? "end" : "middle"
          }
          fill="#616161"
        >
          {points[i]?.key}
        </text>
      ))}
      {markers.map((m) => {
        const i = points.findIndex((p) => p.key === m.key);
        if (i < 0) return null;
        return (
          <g key={m.key} data-marker={m.key}>
            <line
              x1={x(i)}
              x2={x(i)}
              y1={PAD.top - 8}
              y2={PAD.top + innerH}
              stroke="#8a6116"
              strokeDasharray="4 3"
            />
            <text x={x(i) + 4} y={PAD.top - 10} fontSize="11" fill="#8a6116">
              {m.label}
            </text>
          </g>
        );
      })}
      {segments.map((s) => (
        <polyline key={s} points={s} fill="none" stroke="#2c6ecb" strokeWidth="2" />
      ))}
      {points.map((p, i) =>
        p.value === null ? null : (
          <circle key={p.key} cx={x(i)} cy={y(p.value)} r="3" fill="#2c6ecb">
            <title>{`${p.key}: ${p.value}${unit}`}</title>
          </circle>
        ),
      )}
    </svg>
  );
}
