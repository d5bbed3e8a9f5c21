import { describe, expect, it } from 'vitest';
import { stageLabel } from './stages';

describe('journey stages', () => {
  it('names stages by their label, or their id in words', () => {
    expect(stageLabel('at_risk')).toBe('At risk');
    expect(stageLabel('power_user')).toBe('Power user');
    expect(stageLabel(null)).toBe('Start');
  });
});
