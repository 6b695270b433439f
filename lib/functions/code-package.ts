// A function's deployment package: a zip archive (as Lambda takes it), or a single JavaScript source file (what the
// console's editor saves). Checked when it is uploaded (the limits below, Lambda's) and unpacked once per code hash
// into a folder the function's processes run from.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';

/** Lambda: a package uploaded directly is at most 50 MB zipped, and 250 MB unzipped. */
export const MAX_ZIPPED_BYTES = 50 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 250 * 1024 * 1024;

export class InvalidCodePackage extends Error {}

const isZip = (code: Uint8Array) => code[0] === 0x50 && code[1] === 0x4b && code[2] === 0x03 && code[3] === 0x04;

/** Lambda's CodeSha256: the package's SHA-256, base64. */
export const codeSha256 = (code: Uint8Array) => createHash('sha256').update(code).digest('base64');

/** The files of a package: a zip's entries, or one source file named for the handler's module. */
export function packageFiles(code: Uint8Array, handler: string): Map<string, Uint8Array> {
  if (code.length > MAX_ZIPPED_BYTES)
    throw new InvalidCodePackage('Unzipped size must be smaller than 262144000 bytes');
  if (!isZip(code)) {
    const moduleName = handler.slice(0, Math.max(0, handler.lastIndexOf('.'))) || 'index';
    const text = Buffer.from(code).toString('utf8');
    const esm = /^\s*(export|import)\s/m.test(text);
    return new Map([[`${moduleName}${esm ? '.mjs' : '.js'}`, code]]);
  }
  let unzipped = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(code, {
      filter: (file) => {
        unzipped += file.originalSize;
        if (unzipped > MAX_UNZIPPED_BYTES)
          throw new InvalidCodePackage('Unzipped size must be smaller than 262144000 bytes');
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof InvalidCodePackage) throw error;
    throw new InvalidCodePackage(`Could not unzip uploaded file. Please check your file, then try to upload again.`);
  }
  const files = new Map<string, Uint8Array>();
  const folders = new Set<string>();
  for (const [name, data] of Object.entries(entries)) {
    const normal = path.posix.normalize(name.replace(/\\/g, '/'));
    if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal)) {
      throw new InvalidCodePackage(`Could not unzip uploaded file: the entry ${name} points outside the package.`);
    }
    // refused at upload what could never be unpacked (each invocation would try again, and fail)
    if (normal === '.' || normal.includes('\0') || files.has(normal) || folders.has(normal)) {
      throw new InvalidCodePackage(
        `Could not unzip uploaded file: the entry ${JSON.stringify(name)} cannot be unpacked.`,
      );
    }
    for (let at = normal.indexOf('/'); at !== -1; at = normal.indexOf('/', at + 1)) folders.add(normal.slice(0, at));
    files.set(normal, data);
  }
  for (const folder of folders) {
    if (files.has(folder)) {
      throw new InvalidCodePackage(`Could not unzip uploaded file: ${folder} is both a file and a folder.`);
    }
  }
  return files;
}

/**
 * The folder the package is unpacked in, under `root`, named by its hash (and handler): unpacked on first use (into a temporary
 * folder renamed into place, so concurrent processes never see half a package).
 */
export async function unpackedCode(
  root: string,
  sha256: string,
  handler: string,
  load: () => Promise<Uint8Array>,
): Promise<string> {
  // a single source file is named for the handler's module: the handler is part of what is unpacked
  const key = createHash('sha256').update(`${sha256}\n${handler}`).digest('base64url');
  const dir = path.join(/*turbopackIgnore: true*/ root, key);
  try {
    await fs.access(dir);
    return dir;
  } catch {
    // not unpacked yet
  }
  const files = packageFiles(await load(), handler);
  const temporary = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    for (const [name, data] of files) {
      const file = path.join(/*turbopackIgnore: true*/ temporary, name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data);
    }
    await fs.mkdir(temporary, { recursive: true });
  } catch (error) {
    await fs.rm(temporary, { recursive: true, force: true }); // nothing half-unpacked stays behind
    throw error;
  }
  try {
    await fs.rename(temporary, dir);
  } catch {
    await fs.rm(temporary, { recursive: true, force: true }); // another process unpacked it first
  }
  return dir;
}
