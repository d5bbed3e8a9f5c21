import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../test/render';
import type { Schedule } from '../lib/api/schedules';
import type { Me } from '../lib/api/types';
import SchedulesPage from './SchedulesPage';

const me: Me = { subject: 'sarah@example.com', email: 'sarah@example.com', role: 'viewer', scope: 'own' };
const weekly: Schedule = {
  id: 's1', report: 'account', tenant: 'acme.io', cadence: 'weekly', dayOfWeek: 'MONDAY', time: '08:00', timeZone: 'Europe/Berlin',
  format: 'pdf', channels: ['email', 'chat'], createdBy: 'sarah@example.com', createdAt: '2026-12-01T10:00:00Z', nextRunAt: '2026-12-07T07:00:00Z',
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

const sent = (calls: { url: string; init?: RequestInit }[], method: string) => calls.find((c) => c.init?.method === method)!;

describe('report schedules page', () => {
  it('lists the schedules and cancels one with the XSRF header', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    const calls = mockFetch({
      'GET /v1/report-schedules': { body: { schedules: [weekly] } },
      'DELETE /v1/report-schedules/s1': { status: 204 },
    });
    renderAt(<SchedulesPage me={me} />, '/reports');
    const row = await screen.findByTestId('schedule-row');
    expect(row).toHaveAttribute('data-schedule', 's1');
    expect(row).toHaveTextContent('Account review: acme.io');
    expect(row).toHaveTextContent('Every Monday at 08:00 (Europe/Berlin)');
    expect(row).toHaveTextContent('e-mail, chat');
    await userEvent.click(within(row).getByRole('button', { name: /^Cancel schedule Account review: acme.io/ }));
    await waitFor(() => expect(sent(calls, 'DELETE')).toBeDefined());
    const cancel = sent(calls, 'DELETE');
    expect(cancel.url).toBe('/v1/report-schedules/s1');
    expect((cancel.init!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc');
    // The list is read again after the cancel.
    await waitFor(() => expect(calls.filter((c) => c.url === '/v1/report-schedules' && !c.init?.method?.match(/POST|DELETE/)).length).toBe(2));
  });

  it('creates a monthly account review and sends exactly the contract body', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    const calls = mockFetch({
      'GET /v1/report-schedules': { body: { schedules: [] } },
      'POST /v1/report-schedules': { status: 201, body: { ...weekly, id: 's2' } },
    });
    renderAt(<SchedulesPage me={me} />, '/reports');
    expect(await screen.findByText('No report schedules yet.')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Report'), 'account');
    await userEvent.type(screen.getByLabelText('Account (tenant id)'), 'acme.io');
    await userEvent.selectOptions(screen.getByLabelText('How often'), 'monthly');
    await userEvent.clear(screen.getByLabelText('Day of the month (1–28)'));
    await userEvent.type(screen.getByLabelText('Day of the month (1–28)'), '15');
    await userEvent.clear(screen.getByLabelText('Time zone'));
    await userEvent.type(screen.getByLabelText('Time zone'), 'America/New_York');
    await userEvent.selectOptions(screen.getByLabelText('Format'), 'csv');
    await userEvent.click(screen.getByTestId('schedule-channel-chat'));
    await userEvent.click(screen.getByTestId('schedule-create'));
    expect(await screen.findByTestId('schedule-created')).toHaveTextContent('Schedule created.');
    const post = sent(calls, 'POST');
    expect(JSON.parse(post.init!.body as string)).toEqual({
      report: 'account', tenant: 'acme.io', cadence: 'monthly', dayOfMonth: 15, time: '08:00', timeZone: 'America/New_York', format: 'csv', channels: ['email', 'chat'],
    });
    expect((post.init!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc');
  });

  it('checks the form before sending anything', async () => {
    const calls = mockFetch({ 'GET /v1/report-schedules': { body: { schedules: [] } } });
    renderAt(<SchedulesPage me={me} />, '/reports');
    await screen.findByText('No report schedules yet.');
    await userEvent.clear(screen.getByLabelText('Account manager (e-mail)'));
    await userEvent.click(screen.getByTestId('schedule-channel-email'));
    await userEvent.click(screen.getByTestId('schedule-create'));
    expect(screen.getByTestId('schedule-target-error')).toHaveTextContent('Name the account manager (e-mail).');
    expect(screen.getByLabelText('Account manager (e-mail)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Account manager (e-mail)')).toHaveAccessibleDescription('Name the account manager (e-mail).');
    expect(screen.getByTestId('schedule-channels-error')).toHaveTextContent('Choose e-mail, chat or both.');
    expect(calls.some((c) => c.init?.method === 'POST')).toBe(false);
  });

  it("shows the server's refusal on its field and in words", async () => {
    mockFetch({
      'GET /v1/report-schedules': { body: { schedules: [] } },
      'POST /v1/report-schedules': { status: 400, body: { title: 'Bad parameter', status: 400, detail: "parameter 'owner' is outside your scope", parameter: 'owner' } },
    });
    renderAt(<SchedulesPage me={me} />, '/reports');
    await screen.findByText('No report schedules yet.');
    await userEvent.click(screen.getByTestId('schedule-create'));
    expect(await screen.findByTestId('schedule-target-error')).toHaveTextContent("parameter 'owner' is outside your scope");
    expect(screen.getByTestId('schedule-form-error')).toHaveTextContent("Not saved: parameter 'owner' is outside your scope.");
  });

  it('says so when this server has no schedules (404), and offers no form', async () => {
    mockFetch({});
    renderAt(<SchedulesPage me={me} />, '/reports');
    expect(await screen.findByTestId('schedules-unavailable')).toHaveTextContent('Report schedules are not available on this server.');
    expect(screen.queryByTestId('schedule-form')).not.toBeInTheDocument();
  });
});
