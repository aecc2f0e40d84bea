import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../src/db/database';
import { describeStorageError } from '../../src/db/errors';
import { forgetMemory, freshStart, renderAt } from './render';

beforeEach(async () => {
  sessionStorage.clear();
  await freshStart();
});

describe('when something goes wrong with storage', () => {
  it('keeps the option chosen but not yet submitted across a reload', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    await user.keyboard('3');
    cleanup();
    forgetMemory();
    renderAt('/practice/demo');
    expect(await screen.findByRole('radio', { name: /Refer her to a specialist clinic/ })).toBeChecked();
  });

  it('asks to reload when another tab upgrades the database', async () => {
    renderAt('/practice/demo');
    await screen.findByRole('group');
    const newer = new Dexie('rapport');
    newer.version(database().verno + 1).stores({ cards: '[packId+questionId], packId, due' });
    await newer.open();
    expect(await screen.findByRole('alert')).toHaveTextContent('Rapport was updated in another tab. Reload to keep studying');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    newer.close();
    await Dexie.delete('rapport');
  });

  it('says a full disk is a full disk, and where to find a backup', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    const full = Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' });
    vi.spyOn(database().reviewLog, 'add').mockRejectedValueOnce(full);
    await user.keyboard('2{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('This device is out of storage space, so nothing was saved.');
    expect(screen.queryByRole('heading', { name: 'Correct' })).not.toBeInTheDocument();
    expect(await database().cards.count()).toBe(0);
  });

  it('words other failures plainly', () => {
    expect(describeStorageError(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))).toContain('updated in another tab');
    expect(describeStorageError(new Error('disk on fire'))).toBe('Saving failed: disk on fire');
  });
});
