// The method request as mapping expressions see it: path, query string and headers (single and multi-value), body.
export interface MethodRequest {
  path: Record<string, string>;
  /** last value per name, as AWS's `method.request.querystring.X` */
  query: Record<string, string>;
  multiQuery: Record<string, string[]>;
  /** lower-cased names, last value */
  headers: Record<string, string>;
  multiHeaders: Record<string, string[]>;
  body: string;
}

export function queryMaps(search: URLSearchParams): Pick<MethodRequest, 'query' | 'multiQuery'> {
  // keys are the client's: no prototype, so `constructor` or `__proto__` is just another name
  const query: Record<string, string> = Object.create(null);
  const multiQuery: Record<string, string[]> = Object.create(null);
  for (const [name, value] of search) {
    query[name] = value;
    const values = multiQuery[name];
    if (values) values.push(value);
    else multiQuery[name] = [value];
  }
  return { query, multiQuery };
}

export function headerMaps(raw: string[]): Pick<MethodRequest, 'headers' | 'multiHeaders'> {
  const headers: Record<string, string> = Object.create(null);
  const multiHeaders: Record<string, string[]> = Object.create(null);
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    headers[name] = value;
    const values = multiHeaders[name];
    if (values) values.push(value);
    else multiHeaders[name] = [value];
  }
  return { headers, multiHeaders };
}
