import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkContentLine, checkEventLine, checkUserLine, parseTimestamp } from './contract-check';
import { generateDataset, type GenerateOptions, type GenerateSummary } from './index';

// A DST weekend (Europe, 2026-03-29) inside the period; more mess than the default (1 % of
// lines duplicated, 1 in 20k malformed) so that a small dataset has enough of it to check.
const OPTIONS = { users: 200, days: 4, end: '2026-03-31', seed: 7, mess: { duplicate: 0.04, malformed: 0.002 } } satisfies Omit<GenerateOptions, 'outDir'>;

type Json = Record<string, unknown>;
interface Delivered {
  file: number;
  line: string;
  event: Json;
  ms: number;
}

let root = '';
let summary: GenerateSummary;
let eventFiles: string[] = [];
const users = new Map<string, Json>();
const content = new Map<string, Json>();
/** Every event line in delivery order, with its verdict. */
const lines: { file: number; line: string; problem: string | null }[] = [];
/** Valid events, first delivery of each event_id. */
const events = new Map<string, Delivered>();
const sessions = new Map<string, Delivered[]>();

async function hashDir(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(join(dir, name)));
  return hash.digest('hex');
}

const readLines = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');

/** Local hour, weekday and UTC offset (minutes) of an instant in an IANA zone, via Intl. */
function local(ms: number, zone: string): { date: string; hour: number; weekend: boolean; offset: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', weekday: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(ms).map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const date = `${parts.year}-${parts.month!.padStart(2, '0')}-${parts.day!.padStart(2, '0')}`;
  return { date, hour: +parts.hour!, weekend: parts.weekday === 'Sat' || parts.weekday === 'Sun', offset: Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000) };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'streamflix-generate-'));
  summary = await generateDataset({ ...OPTIONS, outDir: join(root, 'a') });
  for (const line of await readLines(join(root, 'a', 'users.jsonl'))) users.set((JSON.parse(line) as Json).user_id as string, JSON.parse(line) as Json);
  for (const line of await readLines(join(root, 'a', 'content.jsonl'))) content.set((JSON.parse(line) as Json).content_id as string, JSON.parse(line) as Json);
  eventFiles = (await readdir(join(root, 'a'))).filter((n) => n.startsWith('events')).sort();
  for (const [file, name] of eventFiles.entries()) {
    for (const line of await readLines(join(root, 'a', name))) {
      const problem = checkEventLine(line);
      lines.push({ file, line, problem });
      if (problem) continue;
      const event = JSON.parse(line) as Json;
      if (events.has(event.event_id as string)) continue;
      const delivered = { file, line, event, ms: parseTimestamp(event.event_ts) as number };
      events.set(event.event_id as string, delivered);
      if (event.event_type !== 'rate') {
        const list = sessions.get(event.session_id as string) ?? [];
        list.push(delivered);
        sessions.set(event.session_id as string, list);
      }
    }
  }
  for (const list of sessions.values()) list.sort((a, b) => a.ms - b.ms || String(a.event.event_id).localeCompare(String(b.event.event_id)));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('generateDataset', () => {
  it('is deterministic: the same options give identical bytes, another seed does not', async () => {
    await generateDataset({ ...OPTIONS, outDir: join(root, 'b') });
    await generateDataset({ ...OPTIONS, seed: 8, outDir: join(root, 'c') });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((d) => hashDir(join(root, d))));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('writes users, content and one events file per delivery day, as the summary says', () => {
    expect(summary.files).toEqual(['users.jsonl', 'content.jsonl', ...eventFiles]);
    // Local dates 03-28..03-31 begin on 03-27 UTC in Sydney and end on 04-01 UTC in Los Angeles.
    const days = ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01'];
    expect(eventFiles.slice(0, 6)).toEqual(days.map((d) => `events-${d}.jsonl`));
    expect(eventFiles.every((n) => /^events-\d{4}-\d{2}-\d{2}\.jsonl$/.test(n))).toBe(true);
    expect(lines.every((l) => /^[\x20-\x7e]*$/.test(l.line))).toBe(true);
  });

  it('writes users that meet the contract, from every market', async () => {
    const raw = await readLines(join(root, 'a', 'users.jsonl'));
    expect(raw.map(checkUserLine).filter(Boolean)).toEqual([]);
    expect(users.size).toBe(OPTIONS.users);
    const zones = new Set([...users.values()].map((u) => u.time_zone));
    for (const zone of ['America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney']) {
      expect(zones).toContain(zone);
    }
  });

  it('writes a catalog that meets the contract: movies and episodes of series', async () => {
    const raw = await readLines(join(root, 'a', 'content.jsonl'));
    expect(raw.map(checkContentLine).filter(Boolean)).toEqual([]);
    expect(content.size).toBe(raw.length);
    const items = [...content.values()];
    const movies = items.filter((c) => c.content_type === 'movie');
    const series = new Map<string, Json[]>();
    for (const e of items.filter((c) => c.content_type === 'episode')) series.set(e.series_id as string, [...(series.get(e.series_id as string) ?? []), e]);
    expect(movies.length).toBeGreaterThanOrEqual(200);
    expect(series.size).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((c) => c.genre)).size).toBeGreaterThanOrEqual(10);
    for (const episodes of series.values()) {
      expect(new Set(episodes.map((e) => `${e.genre}|${e.series_title}`)).size).toBe(1);
      expect(Math.max(...episodes.map((e) => e.season_number as number))).toBeLessThanOrEqual(6);
    }
    for (const m of movies) expect(m.runtime_seconds).toBeGreaterThanOrEqual(80 * 60);
    expect(summary.contentItems).toBe(items.length);
  });

  it('rejects exactly the reported number of malformed lines, and counts every line', () => {
    expect(summary.malformed).toBeGreaterThan(0);
    expect(lines.filter((l) => l.problem).length).toBe(summary.malformed);
    expect(lines.length).toBe(summary.eventLines);
    expect(summary.eventLines).toBe(summary.events + summary.duplicates + summary.malformed);
  });

  it('re-delivers duplicates as exact copies of an earlier line, as many as reported', () => {
    const first = new Map<string, string>();
    let duplicates = 0;
    let inLaterFile = 0;
    for (const { file, line, problem } of lines) {
      if (problem) continue;
      const id = (JSON.parse(line) as Json).event_id as string;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, line);
        continue;
      }
      expect(line).toBe(earlier);
      if (file > (events.get(id)?.file ?? file)) inLaterFile++;
      duplicates++;
    }
    expect(duplicates).toBe(summary.duplicates);
    expect(inLaterFile).toBeGreaterThan(0);
    expect(events.size).toBe(summary.events);
  });

  it('names only known users and content, in sessions that match the summary', () => {
    for (const { event } of events.values()) {
      expect(users.has(event.user_id as string)).toBe(true);
      expect(content.has(event.content_id as string)).toBe(true);
    }
    expect(sessions.size).toBe(summary.sessions);
    const open = [...sessions.values()].filter((s) => !s.some((e) => e.event.event_type === 'stop'));
    expect(open.length).toBe(summary.openSessions);
    expect(open.length).toBeGreaterThan(0);
  });

  it('delivers out of order, with sessions straddling two files', () => {
    const outOfOrder = lines.some((l, i) => {
      const next = lines[i + 1];
      if (l.problem || !next || next.problem) return false;
      return (parseTimestamp((JSON.parse(next.line) as Json).event_ts) as number) < (parseTimestamp((JSON.parse(l.line) as Json).event_ts) as number);
    });
    expect(outOfOrder).toBe(true);
    expect([...sessions.values()].some((s) => new Set(s.map((e) => e.file)).size > 1)).toBe(true);
  });

  it('starts with play and advances the playhead with the wall clock while playing', () => {
    for (const session of sessions.values()) {
      expect(session[0]?.event.event_type).toBe('play');
      const stop = session.findIndex((e) => e.event.event_type === 'stop');
      const counted = stop >= 0 ? session.slice(0, stop + 1) : session;
      let playing = false;
      for (const [i, e] of counted.entries()) {
        const prev = counted[i - 1];
        const type = e.event.event_type;
        if (prev && (type === 'pause' || type === 'stop' || (type === 'play' && !playing))) {
          const moved = (e.event.position_seconds as number) - (prev.event.position_seconds as number);
          expect(moved).toBeCloseTo(playing ? (e.ms - prev.ms) / 1000 : 0, 2);
        }
        if (type === 'play') playing = true;
        else if (type === 'pause' || type === 'stop') playing = false;
      }
      const runtime = content.get(session[0]?.event.content_id as string)?.runtime_seconds as number;
      expect(Math.max(...counted.map((e) => e.event.position_seconds as number))).toBeLessThanOrEqual(runtime);
    }
  });

  it('starts every session on a local date of the period, on or after signup', () => {
    for (const session of sessions.values()) {
      const first = session[0] as Delivered;
      const user = users.get(first.event.user_id as string) as Json;
      const { date } = local(first.ms, user.time_zone as string);
      expect(date >= '2026-03-28' && date <= OPTIONS.end && date >= (user.signup_date as string)).toBe(true);
    }
  });

  it('peaks in the local evening and writes offsets that are the user zone', () => {
    const hours = new Array<number>(24).fill(0);
    for (const session of sessions.values()) {
      const first = session[0] as Delivered;
      hours[local(first.ms, users.get(first.event.user_id as string)?.time_zone as string).hour]! += 1;
    }
    const evening = hours.slice(19, 23).reduce((a, b) => a + b, 0);
    const morning = hours.slice(6, 10).reduce((a, b) => a + b, 0);
    expect(evening).toBeGreaterThan(3 * morning);
    const withOffset = [...events.values()].filter((e) => !String(e.event.event_ts).endsWith('Z'));
    expect(withOffset.length).toBeGreaterThan(0);
    for (const e of withOffset) {
      const [, sign, hh, mm] = /([+-])(\d{2}):(\d{2})$/.exec(String(e.event.event_ts)) ?? [];
      const offset = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
      expect(offset).toBe(local(e.ms, users.get(e.event.user_id as string)?.time_zone as string).offset);
    }
  });

  it('rates after the stop, with and without a session_id', () => {
    const rates = [...events.values()].filter((e) => e.event.event_type === 'rate');
    expect(rates.length).toBe(summary.ratings);
    expect(rates.length).toBeGreaterThan(0.08 * summary.sessions);
    const withSession = rates.filter((r) => 'session_id' in r.event);
    expect(withSession.length).toBeGreaterThan(0);
    expect(withSession.length).toBeLessThan(rates.length);
    for (const rate of withSession) {
      const stop = sessions.get(rate.event.session_id as string)?.find((e) => e.event.event_type === 'stop');
      expect(stop && rate.ms > stop.ms).toBe(true);
    }
  });
});
