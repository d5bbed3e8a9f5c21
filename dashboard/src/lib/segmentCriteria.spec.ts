import { describe, expect, it } from 'vitest';
import { ApiError } from './api/client';
import type { Segment } from './api/segments';
import { criteriaOf, describeCriteria, draftOf, emptyDraft, inputOf, segmentErrorsOf } from './segmentCriteria';

const saved: Segment = {
  id: 'seg-1a2b3c',
  name: 'Enterprise at risk',
  description: 'Big accounts slipping',
  criteria: {
    plans: ['enterprise'], segments: [], owners: [], teams: [], bands: ['at_risk'], atRisk: true, scoreMin: null, scoreMax: 50,
    delta7dMin: null, delta7dMax: -10, delta30dMin: null, delta30dMax: null, arrMin: null, arrMax: null, renewalWithinDays: 90,
    journeyStages: ['adopting'], funnel: { id: 'reporting', reachedStep: 'exports' }, attributes: { region: 'emea' },
  },
};

describe('segment criteria', () => {
  it('reads a saved segment into the form and writes the same criteria back, leaving unset ones out', () => {
    const draft = draftOf(saved);
    expect(draft.plans).toBe('enterprise');
    expect(draft.scoreMax).toBe('50');
    expect(draft.scoreMin).toBe('');
    expect(draft.atRisk).toBe('yes');
    expect(draft.attributes).toBe('region=emea');
    expect(inputOf(draft)).toEqual({
      body: {
        name: 'Enterprise at risk',
        description: 'Big accounts slipping',
        criteria: {
          plans: ['enterprise'], bands: ['at_risk'], atRisk: true, scoreMax: 50, delta7dMax: -10, renewalWithinDays: 90,
          journeyStages: ['adopting'], funnel: { id: 'reporting', reachedStep: 'exports' }, attributes: { region: 'emea' },
        },
      },
    });
  });

  it('splits lists on commas, trims and drops duplicates, and parses attribute lines', () => {
    const draft = { ...emptyDraft(), plans: ' growth, enterprise,growth ,', owners: 'a@x.io', attributes: 'region = emea\n\ntier=1' };
    expect(criteriaOf(draft)).toEqual({ criteria: { plans: ['growth', 'enterprise'], owners: ['a@x.io'], attributes: { region: 'emea', tier: '1' } } });
  });

  it('refuses what the API would refuse, field by field', () => {
    const draft = { ...emptyDraft(), scoreMin: '60', scoreMax: '50', arrMin: 'lots', renewalWithinDays: '-3', attributes: 'region' };
    const checked = inputOf(draft);
    expect(checked).toEqual({
      errors: {
        name: 'Name the segment.',
        scoreMax: 'Score: the maximum is below the minimum.',
        arrMin: 'Enter a number.',
        renewalWithinDays: 'Enter whole days, 0 or more.',
        attributes: 'Line 1 is not key=value.',
      },
    });
    expect(criteriaOf({ ...emptyDraft(), scoreMax: '150' })).toEqual({ errors: { scoreMax: 'A score is between 0 and 100.' } });
    // A preview needs no name.
    expect(criteriaOf(emptyDraft())).toEqual({ criteria: {} });
  });

  it('says the criteria in words', () => {
    expect(describeCriteria(saved.criteria)).toEqual([
      'Plan is enterprise',
      'Band is At risk',
      'At risk now',
      'Score at most 50',
      '7-day change at most -10',
      'Renews within 90 days',
      'Journey stage is Adopting',
      'Reached step exports of funnel reporting',
      'Attribute region is emea',
    ]);
    expect(describeCriteria({ plans: ['a', 'b'], scoreMin: 20, scoreMax: 40, atRisk: false })).toEqual([
      'Plan is one of a, b', 'Not at risk now', 'Score between 20 and 40',
    ]);
    expect(describeCriteria({})).toEqual(['Every account in your scope']);
  });

  it('puts a refusal on the field it names', () => {
    const bad = new ApiError(400, 'Bad Request', 'criteria.scoreMax must be between 0 and 100', undefined, { title: 'Bad Request', status: 400 });
    expect(segmentErrorsOf(bad)).toEqual({ scoreMax: 'criteria.scoreMax must be between 0 and 100', form: 'Not saved: criteria.scoreMax must be between 0 and 100.' });
    const clash = new ApiError(409, 'Conflict', 'a segment named Enterprise at risk exists');
    expect(segmentErrorsOf(clash).name).toBe('a segment named Enterprise at risk exists');
    expect(segmentErrorsOf(new ApiError(400, 'Bad Request', 'unreadable body'))).toEqual({ form: 'unreadable body' });
  });
});
