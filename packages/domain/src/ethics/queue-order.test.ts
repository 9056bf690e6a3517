import { describe, expect, it } from 'vitest';
import { compareQueue, type QueueEntry } from './queue-order.ts';

const entry = (
  id: string,
  state: QueueEntry['state'],
  clock: QueueEntry['clock'],
  updatedAt: number,
  decidedDate: string | null = null,
) => ({ id, state, clock, updatedAt, decidedDate });

describe('the EC queue: overdue first, then by due date (issue 14)', () => {
  it('puts running overdue clocks first, then running ones by due date, never a decided one among them', () => {
    const queue = [
      // Decided late: its old order (isOverdue on a decided clock) put it on top.
      entry('decided', 'decided', { dueDate: '2025-01-10', isOverdue: true }, 900, '2025-02-01'),
      entry('due-may', 'in_review', { dueDate: '2025-05-20', isOverdue: false }, 800),
      entry('overdue-april', 'in_review', { dueDate: '2025-04-30', isOverdue: true }, 100),
      entry('unscreened', 'submitted', null, 950),
      entry('due-may-early', 'scheduled', { dueDate: '2025-05-12', isOverdue: false }, 50),
      entry('overdue-march', 'info_requested', { dueDate: '2025-03-31', isOverdue: true }, 700),
      entry('letter', 'letter_issued', { dueDate: '2025-02-10', isOverdue: false }, 990, '2025-02-05'),
    ];
    expect(queue.sort(compareQueue).map((e) => e.id)).toEqual([
      'overdue-march',
      'overdue-april',
      'due-may-early',
      'due-may',
      'unscreened',
      'letter',
      'decided',
    ]);
  });
});
