import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/contract/envelope';
import { SHELL_ONLY_CALLS } from '../../shared/contract/app';
import { AppError, toFailure } from '../../shared/errors';

export const CALL_CHANNEL = 'wv:call';
export const MENU_CHANNEL = 'wv:menu';

/**
 * One IPC channel carries the whole contract. Calls from anything but our own page (file://)
 * are refused; the input is validated by dispatch like any other shell's.
 */
export function registerIpc(ipcMain: IpcMain, call: (name: string, input: unknown) => Promise<Envelope>): void {
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith('file://')) return toFailure(new AppError('UNAUTHORIZED', `Call refused from ${url || 'an unknown frame'}.`));
    if (typeof name !== 'string') return toFailure(new AppError('UNKNOWN_CALL', 'A call needs a name.'));
    if (SHELL_ONLY_CALLS.has(name)) return toFailure(new AppError('UNAUTHORIZED', `${name} is made from the menu, not by the page.`));
    return call(name, input);
  });
}
