import { describe, expect, it } from 'vitest';
import { requestTemplateKey, selectResponseTemplate } from './content-type';

describe('template selection keys', () => {
  it('uses the request media type without parameters, application/json by default', () => {
    expect(requestTemplateKey('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(requestTemplateKey(undefined)).toBe('application/json');
    expect(requestTemplateKey('text/plain')).toBe('text/plain');
  });

  it('picks the response template for the first Accept type, then application/json, then the first', () => {
    const templates = { 'text/xml': '<x/>', 'application/json': '{}' };
    expect(selectResponseTemplate(templates, 'text/xml, application/json')?.key).toBe('text/xml');
    expect(selectResponseTemplate(templates, 'text/html')?.key).toBe('application/json');
    expect(selectResponseTemplate({ 'text/xml': '<x/>' }, undefined)?.key).toBe('text/xml');
    expect(selectResponseTemplate({}, 'application/json')).toBeUndefined();
  });
});
