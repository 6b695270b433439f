// A body read whole into memory, up to a limit: the client's request (AWS's 10 MB) or a non-proxy integration's
// answer (the same 10 MB). Past the limit it stops reading at once.

/** All the stream's bytes, or undefined as soon as they pass `maxBytes` (reading stops there). */
export async function readWithin(stream: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}
