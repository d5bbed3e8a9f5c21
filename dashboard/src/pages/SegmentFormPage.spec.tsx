import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enterpriseAtRisk, members } from '../test/fixtures';
import { mockFetch, renderAt } from '../test/render';
import type { Me } from '../lib/api/types';
import SegmentFormPage from './SegmentFormPage';

const analyst: Me = { subject: 'ana@example.com', email: 'ana@example.com', role: 'analyst', scope: 'all' };

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

function renderForm(me: Me, path = '/segments/new') {
  return renderAt(
    <Routes>
      <Route path="/segments/new" element={<SegmentFormPage me={me} />} />
      <Route path="/segments/:id/edit" element={<SegmentFormPage me={me} />} />
      <Route path="/segments/:id" element={<p>Saved segment page</p>} />
    </Routes>,
    path,
  );
}

const body = (calls: { url: string; init?: RequestInit }[], method: string, url: string) =>
  JSON.parse(calls.find((c) => c.init?.method === method && c.url === url)!.init!.body as string);

describe('segment form', () => {
  it('previews the matching accounts, then saves exactly the criteria that were set', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    const calls = mockFetch({
      '/v1/segments': { body: { segments: [] } },
      'POST /v1/segments/preview': { body: { size: 2, averageScore: 31.5, accounts: members } },
      'POST /v1/segments': { status: 201, body: { ...enterpriseAtRisk, id: 'seg-9' } },
    });
    renderForm(analyst);
    expect(screen.queryByTestId('segment-preview')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Plans'), 'enterprise, growth');
    await userEvent.click(screen.getByTestId('segment-band-at_risk'));
    await userEvent.selectOptions(screen.getByLabelText('At risk now'), 'yes');
    await userEvent.type(screen.getByLabelText('Score to'), '50');
    await userEvent.type(screen.getByLabelText('7-day change to'), '-10');
    await userEvent.type(screen.getByLabelText('ARR from'), '100000');
    await userEvent.type(screen.getByLabelText('Renews within (days)'), '90');
    await userEvent.click(screen.getByTestId('segment-stage-adopting'));
    await userEvent.type(screen.getByLabelText('Attributes'), 'region=emea{enter}tier=gold');
    await userEvent.click(screen.getByTestId('segment-preview-run'));

    const preview = await screen.findByTestId('segment-preview');
    expect(await within(preview).findByTestId('segment-preview-count')).toHaveTextContent('2 accounts match, average score 32.');
    expect(within(preview).getAllByTestId('segment-preview-row').map((r) => r.getAttribute('data-tenant'))).toEqual(['globex', 'acme.io']);
    const criteria = {
      plans: ['enterprise', 'growth'], bands: ['at_risk'], atRisk: true, scoreMax: 50, delta7dMax: -10, arrMin: 100000,
      renewalWithinDays: 90, journeyStages: ['adopting'], attributes: { region: 'emea', tier: 'gold' },
    };
    expect(body(calls, 'POST', '/v1/segments/preview')).toEqual({ criteria });

    // Saving needs a name.
    await userEvent.click(screen.getByTestId('segment-save'));
    expect(screen.getByTestId('segment-name-error')).toHaveTextContent('Name the segment.');
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(screen.getByLabelText('Name'), 'Enterprise at risk');
    await userEvent.click(screen.getByTestId('segment-save'));
    expect(await screen.findByText('Saved segment page')).toBeInTheDocument();
    expect(body(calls, 'POST', '/v1/segments')).toEqual({ name: 'Enterprise at risk', criteria });
    const post = calls.find((c) => c.init?.method === 'POST' && c.url === '/v1/segments')!;
    expect((post.init!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc');
  });

  it('checks numbers before previewing and sends nothing', async () => {
    const calls = mockFetch({ '/v1/segments': { body: { segments: [] } } });
    renderForm(analyst);
    await userEvent.type(screen.getByLabelText('Score from'), '70');
    await userEvent.type(screen.getByLabelText('Score to'), '40');
    await userEvent.click(screen.getByTestId('segment-preview-run'));
    expect(screen.getByTestId('segment-scoreMax-error')).toHaveTextContent('Score: the maximum is below the minimum.');
    expect(screen.getByLabelText('Score to')).toHaveAccessibleDescription('Score: the maximum is below the minimum.');
    expect(calls.some((c) => c.init?.method === 'POST')).toBe(false);
  });

  it('marks a name clash (409) on the name and a bad field (400) on that field', async () => {
    mockFetch({
      '/v1/segments': { body: { segments: [] } },
      'POST /v1/segments': { status: 409, body: { title: 'Conflict', status: 409, detail: 'A segment named Enterprise at risk exists.' } },
    });
    renderForm(analyst);
    await userEvent.type(screen.getByLabelText('Name'), 'Enterprise at risk');
    await userEvent.click(screen.getByTestId('segment-save'));
    expect(await screen.findByTestId('segment-name-error')).toHaveTextContent('A segment named Enterprise at risk exists.');
    expect(screen.getByTestId('segment-form-error')).toHaveTextContent('Not saved: A segment named Enterprise at risk exists.');

    mockFetch({
      '/v1/segments': { body: { segments: [] } },
      'POST /v1/segments': { status: 400, body: { title: 'Bad Request', status: 400, detail: 'criteria.renewalWithinDays must be at most 730' } },
    });
    await userEvent.click(screen.getByTestId('segment-save'));
    expect(await screen.findByTestId('segment-renewalWithinDays-error')).toHaveTextContent('criteria.renewalWithinDays must be at most 730');
  });

  it('edits a saved segment with PUT, keeping criteria the form does not show', async () => {
    const withFunnel = { ...enterpriseAtRisk, criteria: { ...enterpriseAtRisk.criteria, funnel: { id: 'reporting', reachedStep: 'exports' } } };
    const calls = mockFetch({
      '/v1/segments': { body: { segments: [withFunnel] } },
      'PUT /v1/segments/seg-1a2b3c': { body: withFunnel },
    });
    renderForm(analyst, '/segments/seg-1a2b3c/edit');
    expect(await screen.findByRole('heading', { name: 'Edit Enterprise at risk' })).toBeInTheDocument();
    expect(screen.getByLabelText('Plans')).toHaveValue('enterprise');
    expect(screen.getByTestId('segment-band-at_risk')).toBeChecked();
    await userEvent.clear(screen.getByLabelText('Score to'));
    await userEvent.type(screen.getByLabelText('Score to'), '45');
    await userEvent.click(screen.getByTestId('segment-save'));
    expect(await screen.findByText('Saved segment page')).toBeInTheDocument();
    const sent = body(calls, 'PUT', '/v1/segments/seg-1a2b3c');
    expect(sent.name).toBe('Enterprise at risk');
    expect(sent.criteria.scoreMax).toBe(45);
    expect(sent.criteria.funnel).toEqual({ id: 'reporting', reachedStep: 'exports' });
    expect(sent.criteria).not.toHaveProperty('scoreMin');
  });

  it('shows the refusal when the API refuses the write (403)', async () => {
    mockFetch({
      '/v1/segments': { body: { segments: [] } },
      'POST /v1/segments': { status: 403, body: { title: 'Forbidden', status: 403, detail: 'role analyst or above' } },
    });
    renderForm(analyst);
    await userEvent.type(screen.getByLabelText('Name'), 'Mine');
    await userEvent.click(screen.getByTestId('segment-save'));
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent('Not available to you: saving segments.');
  });

  it('refuses viewers the form itself', async () => {
    mockFetch({ '/v1/segments': { body: { segments: [] } } });
    renderForm({ ...analyst, role: 'viewer' });
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent('Creating and changing segments is not available to you (role viewer)');
    await waitFor(() => expect(screen.queryByTestId('segment-form')).not.toBeInTheDocument());
  });
});
