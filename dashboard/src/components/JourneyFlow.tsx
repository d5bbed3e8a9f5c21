import { useId } from 'react';
import type { Journey } from '../lib/api/journey';
import { amount, BOX_H, BOX_W, days, layoutFlow } from '../lib/journeyFlow';

/**
 * The journey as a flow diagram in plain SVG: progress stages left to right, exits below, the
 * share of accounts moving between two stages written on each arrow. Every figure is text, so
 * nothing depends on colour; the same moves are listed in words below the drawing.
 */
export function JourneyFlow({ journey }: { journey: Pick<Journey, 'stages' | 'flows'> }) {
  const layout = layoutFlow(journey);
  const marker = `arrow-${useId().replace(/:/g, '')}`;
  const titleId = `${marker}-title`;
  return (
    <figure className="journey-flow" data-testid="journey-flow">
      <div className="flow-scroll">
        <svg viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height} role="group" aria-labelledby={titleId}>
          <title id={titleId}>Journey stages and the share of accounts moving between them</title>
          <defs>
            <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="flow-head" />
            </marker>
          </defs>
          {layout.arrows.map((a) => (
            <g key={`${a.flow.from}-${a.flow.to}`} className="flow-arrow" data-testid="journey-flow-arrow" data-from={a.flow.from} data-to={a.flow.to}
              data-share={a.flow.share ?? ''}>
              <title>{a.text}</title>
              <path d={a.d} className="flow-line" markerEnd={`url(#${marker})`} />
              <text x={a.labelX} y={a.labelY} textAnchor="middle" className="flow-label">{a.label}</text>
            </g>
          ))}
          {layout.boxes.map(({ stage, x, y }) => (
            <g key={stage.id} className={`stage stage-${stage.kind}`} data-testid="journey-stage" data-stage={stage.id} data-kind={stage.kind}
              transform={`translate(${x} ${y})`}>
              <rect width={BOX_W} height={BOX_H} rx="6" className="stage-box" />
              <text x="10" y="20" className="stage-name">{stage.kind === 'exit' ? `Exit: ${stage.label}` : stage.label}</text>
              <text x="10" y="40">{amount(stage.current)} now</text>
              <text x="10" y="58">median {days(stage.medianDaysInStage)}, p90 {days(stage.p90DaysInStage)}</text>
              <text x="10" y="76">drop-off {amount(stage.dropOff)}</text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="sr-only">Journey stages and moves between them</figcaption>
      <details className="flow-words">
        <summary>The moves in words</summary>
        <ul data-testid="journey-flows">
          {layout.arrows.length === 0 ? <li>No moves between stages in this range.</li> : layout.arrows.map((a) => <li key={`${a.flow.from}-${a.flow.to}`}>{a.text}</li>)}
        </ul>
      </details>
    </figure>
  );
}
