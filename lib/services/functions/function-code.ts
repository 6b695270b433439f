// A deployment package as CreateFunction and UpdateFunctionCode take it (Code.ZipFile / ZipFile: base64 in the JSON
// body): a zip archive or a single JavaScript source file, checked with the runtime's own unpacker before it is stored.
import { codeSha256, InvalidCodePackage, packageFiles } from '../../functions/code-package';
import { ServiceError } from '../errors';
import { invalidParameter } from './lambda-errors';

export interface CodePackage {
  code: Uint8Array<ArrayBuffer>;
  codeSha256: string;
  codeSize: number;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Where Lambda takes code from S3 or a container image, Portico takes the package itself. */
export function refuseOtherSources(source: { S3Bucket?: unknown; S3Key?: unknown; ImageUri?: unknown }): void {
  if (source.ImageUri !== undefined) {
    // (?) Portico's own refusal
    throw invalidParameter('Portico runs Zip packages only: ImageUri is not supported');
  }
  if (source.S3Bucket !== undefined || source.S3Key !== undefined) {
    // (?) Portico's own refusal
    throw invalidParameter('Portico has no S3: upload the deployment package as ZipFile');
  }
}

export function readCodePackage(zipFile: string | undefined): CodePackage {
  if (zipFile === undefined || zipFile === '') {
    throw invalidParameter('Please provide a source for function code.'); // (?)
  }
  const compact = zipFile.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) {
    // (?) AWS fails such a body while reading it
    throw new ServiceError(
      'InvalidRequestContentException',
      'Could not parse request body into json: ZipFile is not valid base64',
    );
  }
  const code = new Uint8Array(Buffer.from(compact, 'base64'));
  try {
    packageFiles(code, 'index.handler'); // the handler only names a single source file: any will do to check it
  } catch (error) {
    if (error instanceof InvalidCodePackage) throw invalidParameter(error.message);
    throw error;
  }
  if (!isZip(code) && !isText(code)) {
    throw invalidParameter('Could not unzip uploaded file. Please check your file, then try to upload again.');
  }
  return { code, codeSha256: codeSha256(code), codeSize: code.length };
}

const isZip = (code: Uint8Array) => code[0] === 0x50 && code[1] === 0x4b && code[2] === 0x03 && code[3] === 0x04;

/** A single source file must at least be UTF-8 text. */
function isText(code: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(code);
    return !code.includes(0);
  } catch {
    return false;
  }
}
