import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../main/cli/terminal-safe';

describe('terminalSafe', () => {
  it('shows control characters and direction overrides as \\u escapes, keeping newlines, tabs and letters', () => {
    expect(terminalSafe('Amster\u202Edam\u0007\tRotterdam\u001b[2J\n’s-Gravenhage Súdwest-Fryslân\r\u0085\u2066x\u2069'))
      .toBe('Amster\\u202edam\\u0007\tRotterdam\\u001b[2J\n’s-Gravenhage Súdwest-Fryslân\\u000d\\u0085\\u2066x\\u2069');
  });

  it('keeps CRLF line ends (CSV for Excel), escaping a lone carriage return', () => {
    expect(terminalSafe('a;b\r\n1;2\r\nx\ry\r')).toBe('a;b\r\n1;2\r\nx\\u000dy\\u000d');
  });

  it('leaves JSON valid and its strings the same', () => {
    const value = { name: 'Amster\u202Edam\u0007', n: [1, 'Rotterdam\u001b[2J', 'x\u0085y'] };
    const safe = terminalSafe(JSON.stringify(value, null, 2));
    expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(safe)).toEqual(value);
  });
});
