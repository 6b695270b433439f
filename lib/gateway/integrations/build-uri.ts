// An HTTP integration's URI for one request: `{name}` path placeholders from integration.request.path values
// (each segment percent-encoded), `${stageVariables.x}` anywhere, and the query string.
export function buildIntegrationUri(
  uri: string,
  pathValues: Record<string, string>,
  stageVariables: Record<string, string>,
  query: Array<[string, string]>,
): string {
  const withVariables = !uri.includes('${')
    ? uri
    : uri.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_m, name: string) => stageVariables[name] ?? '');
  // A value keeps its slashes (a greedy `{proxy+}` value is `a/b/c`); each segment is percent-encoded.
  const withPath = !withVariables.includes('{')
    ? withVariables
    : withVariables.replace(/\{([^{}+]+)\+?\}/g, (match, name: string) => {
        const value = pathValues[name];
        return value === undefined ? match : value.split('/').map(encodeURIComponent).join('/');
      });
  if (query.length === 0) return withPath;
  const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${withPath}${withPath.includes('?') ? '&' : '?'}${search}`;
}
