// The process's one function runtime (the console's, for Invoke; each gateway process has its own), with its
// packages unpacked under the data folder.
import path from 'node:path';
import { config } from '../config';
import { FunctionRuntime } from './function-runtime';

let runtime: FunctionRuntime | undefined;

export function functionRuntime(): FunctionRuntime {
  runtime ??= new FunctionRuntime({ root: path.join(/*turbopackIgnore: true*/ config.dataDir, 'functions') });
  return runtime;
}

export async function closeFunctionRuntime(): Promise<void> {
  const open = runtime;
  runtime = undefined;
  await open?.close();
}
