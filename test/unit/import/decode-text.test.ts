import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/import/read/decode-text';

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
const cp1252 = (bytes: number[]): Buffer => Buffer.from(bytes);

describe('decodeText', () => {
  it('reads a file mixing UTF-8 and Windows-1252 lines line by line', () => {
    // "Súdwest" in Windows-1252 (ú = 0xFA) after a UTF-8 line with ’ (E2 80 99).
    const mixed = Buffer.concat([utf8('Gemeente;Inwoners\n’s-Gravenhage;1\n'), cp1252([0x53, 0xfa, 0x64, 0x77, 0x65, 0x73, 0x74, 0x3b, 0x33, 0x0a])]);
    expect(decodeText(mixed)).toEqual({ text: 'Gemeente;Inwoners\n’s-Gravenhage;1\nSúdwest;3\n', encoding: 'windows-1252', detected: true });
    // Forced, the analyst's choice holds for the whole file.
    expect(decodeText(mixed, 'windows-1252').text).toContain('â€™s-Gravenhage');
  });

  it('reads pure Windows-1252 and pure UTF-8 as before', () => {
    expect(decodeText(cp1252([0x53, 0xfa, 0x64, 0x3b, 0x92, 0x73, 0x0a]))).toEqual({ text: 'Súd;’s\n', encoding: 'windows-1252', detected: true });
    expect(decodeText(utf8('Súd;’s\n'))).toEqual({ text: 'Súd;’s\n', encoding: 'utf-8', detected: true });
  });
});
