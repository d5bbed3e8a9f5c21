// The journey and funnel views as plain functions: where each stage box and flow arrow of the
// flow diagram goes, numbers in words, the funnel joined with the portfolio's, and the stall
// sentence. Drawing (SVG) is left to the components.

import type { FunnelReport, Journey, JourneyFlow, JourneyPath, JourneyStage } from './api/journey';
import type { CsvColumn } from './csv';
import { stageLabel } from './stages';

export const BOX_W = 176;
export const BOX_H = 92;
const GAP_X = 88;
const MARGIN = 16;
/** Room above the progress row for arcs of flows that skip or go back a stage. */
const TOP = 64;
const EXIT_Y = TOP + BOX_H + 120;

export interface StageBox {
  stage: JourneyStage;
  x: number;
  y: number;
}

export interface FlowArrow {
  flow: JourneyFlow;
  /** SVG path data. */
  d: string;
  labelX: number;
  labelY: number;
  label: string;
  /** In words, for the list beside the diagram and the arrow's title. */
  text: string;
}

export interface FlowLayout {
  width: number;
  height: number;
  boxes: StageBox[];
  arrows: FlowArrow[];
}

/** "80 %", or "–" when unknown. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  const value = share * 100;
  return `${value >= 10 || value === 0 ? Math.round(value) : Math.round(value * 10) / 10} %`;
}

/** "9 d", "2.5 d", or "–" when unknown. */
export function days(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return `${Math.round(value * 10) / 10} d`;
}

export function amount(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toLocaleString();
}

function row(count: number): number {
  return count * (BOX_W + GAP_X) - GAP_X;
}

/** Progress stages left to right in the server's order, exits in a row below them. */
export function layoutFlow(journey: Pick<Journey, 'stages' | 'flows'>): FlowLayout {
  const progress = journey.stages.filter((s) => s.kind !== 'exit');
  const exits = journey.stages.filter((s) => s.kind === 'exit');
  const widest = Math.max(row(progress.length), row(exits.length), BOX_W);
  const place = (stages: JourneyStage[], y: number): StageBox[] => {
    const offset = MARGIN + (widest - row(stages.length)) / 2;
    return stages.map((stage, i) => ({ stage, x: offset + i * (BOX_W + GAP_X), y }));
  };
  const boxes = [...place(progress, TOP), ...place(exits, exits.length ? EXIT_Y : TOP)];
  const byId = new Map(boxes.map((b) => [b.stage.id, b]));
  const order = new Map(progress.map((s, i) => [s.id, i]));
  const arrows: FlowArrow[] = [];
  for (const flow of journey.flows) {
    const from = byId.get(flow.from);
    const to = byId.get(flow.to);
    if (!from || !to || from === to) continue;
    const label = flow.accounts === null || flow.accounts === undefined ? percent(flow.share) : `${percent(flow.share)} · ${flow.accounts}`;
    const text = `${from.stage.label} to ${to.stage.label}: ${percent(flow.share)} of accounts${flow.accounts === null || flow.accounts === undefined ? '' : ` (${flow.accounts})`}`;
    const fromExit = from.stage.kind === 'exit';
    const toExit = to.stage.kind === 'exit';
    const cx = (b: StageBox) => b.x + BOX_W / 2;
    let d: string;
    let labelX: number;
    let labelY: number;
    if (!fromExit && !toExit && order.get(to.stage.id)! === order.get(from.stage.id)! + 1) {
      // The next stage: a straight arrow between the boxes.
      const y = from.y + BOX_H / 2;
      d = `M ${from.x + BOX_W} ${y} L ${to.x} ${y}`;
      labelX = (from.x + BOX_W + to.x) / 2;
      labelY = y - 8;
    } else if (!fromExit && !toExit) {
      // Skipping a stage or going back: an arc above the row (back arcs start right of centre).
      const back = order.get(to.stage.id)! < order.get(from.stage.id)!;
      const x1 = cx(from) + (back ? 24 : -24);
      const x2 = cx(to) + (back ? -24 : 24);
      const span = Math.abs(order.get(to.stage.id)! - order.get(from.stage.id)!);
      const controlY = Math.max(from.y - 24 - 18 * span, 4);
      d = `M ${x1} ${from.y} Q ${(x1 + x2) / 2} ${controlY} ${x2} ${to.y}`;
      labelX = (x1 + x2) / 2;
      labelY = 0.5 * from.y + 0.5 * controlY - 4;
    } else if (fromExit !== toExit) {
      // Down to an exit (left of centre) or back up from one (right of centre).
      const shift = toExit ? -20 : 20;
      const top = toExit ? from : to;
      const bottom = toExit ? to : from;
      const x1 = cx(top) + shift;
      const x2 = cx(bottom) + shift;
      d = toExit ? `M ${x1} ${top.y + BOX_H} L ${x2} ${bottom.y}` : `M ${x2} ${bottom.y} L ${x1} ${top.y + BOX_H}`;
      labelX = (x1 + x2) / 2 + (toExit ? -4 : 4);
      labelY = (top.y + BOX_H + bottom.y) / 2 + (toExit ? -6 : 14);
    } else {
      // Between exits: along the exit row.
      const y = from.y + BOX_H / 2 + (from.x < to.x ? -10 : 10);
      const rightward = from.x < to.x;
      d = `M ${rightward ? from.x + BOX_W : from.x} ${y} L ${rightward ? to.x : to.x + BOX_W} ${y}`;
      labelX = (from.x + to.x + BOX_W) / 2;
      labelY = y - 6;
    }
    arrows.push({ flow, d, labelX, labelY, label, text });
  }
  const height = (exits.length ? EXIT_Y : TOP) + BOX_H + MARGIN;
  return { width: widest + 2 * MARGIN, height, boxes, arrows };
}

/** "Onboarding → Activated → Adopting", with the stages' labels where the journey has them. */
export function describePath(path: JourneyPath, stages: JourneyStage[]): string {
  return path.stages.map((id) => stageLabel(id, stages)).join(' → ');
}

export const stageCsvColumns: CsvColumn<JourneyStage>[] = [
  { header: 'stage', value: (s) => s.id },
  { header: 'label', value: (s) => s.label },
  { header: 'kind', value: (s) => s.kind },
  { header: 'current', value: (s) => s.current },
  { header: 'entered', value: (s) => s.entered },
  { header: 'exited', value: (s) => s.exited },
  { header: 'median days in stage', value: (s) => s.medianDaysInStage },
  { header: 'p90 days in stage', value: (s) => s.p90DaysInStage },
  { header: 'drop-off', value: (s) => s.dropOff },
];

export function pathCsvColumns(stages: JourneyStage[]): CsvColumn<JourneyPath>[] {
  return [
    { header: 'path', value: (p) => describePath(p, stages) },
    { header: 'stages', value: (p) => p.stages.join(' > ') },
    { header: 'accounts', value: (p) => p.accounts },
  ];
}

export interface FunnelRow {
  id: string;
  label: string;
  users: number | null;
  conversion: number | null;
  overall: number | null;
  medianHoursToConvert: number | null;
  portfolioConversion: number | null;
  portfolioOverall: number | null;
  stall: boolean;
}

/** Each step of the funnel with the portfolio's figures for the same step beside it. */
export function funnelRows(report: FunnelReport): FunnelRow[] {
  // A segment's funnel comes without the portfolio beside it (the API sends null).
  const portfolio = new Map((report.portfolio ?? []).map((p) => [p.id, p]));
  const defined = new Map((report.funnel.steps ?? []).map((s) => [s.id, s.label]));
  return report.steps.map((step) => ({
    id: step.id,
    label: step.label ?? defined.get(step.id) ?? stageLabel(step.id, []),
    users: step.users,
    conversion: step.conversion,
    overall: step.overall,
    medianHoursToConvert: step.medianHoursToConvert ?? null,
    portfolioConversion: portfolio.get(step.id)?.conversion ?? null,
    portfolioOverall: portfolio.get(step.id)?.overall ?? null,
    stall: step.id === report.stallStep,
  }));
}

/** "Acme's users stall at Exported a report: 31 % vs 58 % across the portfolio", or undefined. */
export function stallSentence(who: string, rows: FunnelRow[]): string | undefined {
  const stall = rows.find((r) => r.stall);
  if (!stall) return undefined;
  const whose = who.endsWith('s') ? `${who}'` : `${who}'s`;
  return `${whose} users stall at ${stall.label}: ${percent(stall.conversion)} vs ${percent(stall.portfolioConversion)} across the portfolio`;
}
