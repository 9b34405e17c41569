/**
 * A horizontal bar chart drawn on the server (SVG, no script): the path from the candidates expected to the hires.
 * Accessible as an image with a title and a description that say the numbers; the page shows them in a table too.
 */
export interface ChartBar {
  label: string;
  value: number;
}

// Sized for a phone first: the SVG scales to the column (~360 px), so a 420-unit width keeps the text near 15 px.
const WIDTH = 420;
const LABEL_WIDTH = 205;
const BAR_HEIGHT = 30;
const GAP = 12;
// Dark blue on white: 8.6:1, and the value is written in the same dark text beside the bar, never inside it.
const BAR_COLOUR = '#1f4e8c';
const TEXT_COLOUR = '#1b1b1b';

export function BarChart({ id, title, bars }: { id: string; title: string; bars: ChartBar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = WIDTH - LABEL_WIDTH - 40;
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  const description = bars.map((b) => `${b.label} : ${b.value}`).join(' ; ');
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-titre ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-titre`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((b, i) => {
          const y = GAP + i * (BAR_HEIGHT + GAP);
          const w = Math.round((b.value / max) * room);
          return (
            <g>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT * 0.7} text-anchor="end" font-size="16" fill={TEXT_COLOUR}>
                {b.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(w, 1)} height={BAR_HEIGHT} fill={BAR_COLOUR} />
              <text x={LABEL_WIDTH + Math.max(w, 1) + 6} y={y + BAR_HEIGHT * 0.7} font-size="16" fill={TEXT_COLOUR}>
                {String(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">{title} (les chiffres sont aussi dans le tableau ci-dessous).</figcaption>
    </figure>
  );
}
