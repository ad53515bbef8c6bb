import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDates } from './extract.js';

const TEXT = 'Talks ended yesterday. They met on Monday and will meet again next Tuesday, then this week and on 16 May 2024.';

function resolveIn(tz: string): string[] {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return resolveDates(TEXT, '2024-05-14').map((m) => `${m.range.start}..${m.range.end}/${m.range.precision}`);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

test('dates do not drift with the local timezone (UTC+14 and UTC-11 give the UTC answer)', () => {
  const utc = resolveIn('UTC');
  assert.deepEqual(utc, [
    '2024-05-13..2024-05-13/day',
    '2024-05-13..2024-05-13/day',
    '2024-05-21..2024-05-21/day',
    '2024-05-13..2024-05-19/week',
    '2024-05-16..2024-05-16/day',
  ]);
  assert.deepEqual(resolveIn('Pacific/Kiritimati'), utc);
  assert.deepEqual(resolveIn('Pacific/Pago_Pago'), utc);
});
