import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codeSha256 } from '../../functions/code-package';
import { readCodePackage } from './function-code';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('readCodePackage', () => {
  it('takes a zip archive or one source file, with Lambda’s hash and size', () => {
    const zip = zipSync({ 'index.js': new TextEncoder().encode('exports.handler = 1;') });
    expect(readCodePackage(b64(zip))).toMatchObject({ codeSha256: codeSha256(zip), codeSize: zip.length });
    const file = new TextEncoder().encode('export const handler = async () => 1;');
    expect(readCodePackage(b64(file)).codeSize).toBe(file.length);
  });

  it('refuses no code, bad base64, a broken zip and binary that is no source file', () => {
    expect(() => readCodePackage(undefined)).toThrow('Please provide a source for function code.');
    expect(() => readCodePackage('not base64!')).toThrow('ZipFile is not valid base64');
    expect(() => readCodePackage(b64(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9])))).toThrow('Could not unzip');
    expect(() => readCodePackage(b64(new Uint8Array([0xff, 0xfe, 0x00, 0x01])))).toThrow('Could not unzip');
  });

  it('refuses, at upload, entries that could never be unpacked', () => {
    const file = new TextEncoder().encode('x');
    const packages: Array<Record<string, Uint8Array>> = [{ a: file, 'a/b': file }, { '.': file }, { 'a\u0000b': file }];
    for (const entries of packages) {
      expect(() => readCodePackage(b64(zipSync(entries)))).toThrow(/Could not unzip uploaded file/);
    }
  });
});
