// Template selection keys (AWS §1.8): the request's media type, and the response's from the first Accept type.

/** `application/json; charset=utf-8` → `application/json`; none → `application/json`. */
export function requestTemplateKey(contentType: string | undefined): string {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime || 'application/json';
}

/** The response template for the first media type in Accept, else `application/json`'s, else the first defined. */
export function selectResponseTemplate(
  templates: Record<string, string> | undefined,
  accept: string | undefined,
): { key: string; template: string } | undefined {
  const entries = Object.entries(templates ?? {});
  if (entries.length === 0) return undefined;
  const wanted = accept?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() || 'application/json';
  const exact = entries.find(([key]) => key.toLowerCase() === wanted);
  const json = entries.find(([key]) => key.toLowerCase() === 'application/json');
  const [key, template] = exact ?? json ?? (entries[0] as [string, string]);
  return { key, template };
}
