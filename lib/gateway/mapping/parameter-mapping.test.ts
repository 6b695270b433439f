import { describe, expect, it } from 'vitest';
import type { MethodRequest } from './method-request';
import { mapRequestParameters, requestExpressionValue } from './parameter-mapping';

const request: MethodRequest = {
  path: { id: '7' },
  query: { q: 'last' },
  multiQuery: { q: ['first', 'last'] },
  headers: { 'x-trace': 'abc' },
  multiHeaders: { 'x-trace': ['abc'] },
  body: '{"pet":{"name":"Rex"}}',
};
const sources = { stageVariables: { env: 'prod' }, context: { requestId: 'r-1', identity: { sourceIp: '1.2.3.4' } } };

describe('mapRequestParameters (AWS §1.7)', () => {
  it('maps every source to path, query string and header targets', () => {
    const mapped = mapRequestParameters(
      {
        'integration.request.path.petId': 'method.request.path.id',
        'integration.request.querystring.q': 'method.request.multivaluequerystring.q',
        'integration.request.querystring.one': 'method.request.querystring.q',
        'integration.request.header.X-Trace': 'method.request.header.X-TRACE',
        'integration.request.header.x-env': 'stageVariables.env',
        'integration.request.header.x-ip': 'context.identity.sourceIp',
        'integration.request.header.x-static': "'fixed'",
        'integration.request.header.x-name': 'method.request.body.pet.name',
        'integration.request.header.x-none': 'method.request.header.absent',
        'not.a.target': 'method.request.path.id',
      },
      () => request,
      sources,
    );
    expect(mapped).toEqual({
      path: { petId: '7' },
      query: { q: ['first', 'last'], one: ['last'] },
      headers: {
        'X-Trace': ['abc'],
        'x-env': ['prod'],
        'x-ip': ['1.2.3.4'],
        'x-static': ['fixed'],
        'x-name': ['Rex'],
      },
    });
  });

  it('asks for the method request only when an expression reads it', () => {
    let built = 0;
    const lazy = () => {
      built += 1;
      return request;
    };
    mapRequestParameters(
      { 'integration.request.header.a': "'x'", 'integration.request.header.b': 'stageVariables.env' },
      lazy,
      sources,
    );
    mapRequestParameters(undefined, lazy, sources);
    expect(built).toBe(0);
    mapRequestParameters({ 'integration.request.header.a': 'method.request.header.x-trace' }, lazy, sources);
    expect(built).toBe(1);
  });

  it('reads single expressions the same way', () => {
    expect(requestExpressionValue('method.request.path.id', request, sources)).toBe('7');
    expect(requestExpressionValue('method.request.unknown.x', request, sources)).toBeUndefined();
  });
});
