import { describe, expect, it } from 'vitest';
import {
  checkIntegrationRequestParameters,
  checkIntegrationResponseParameters,
  checkMethodResponseParameterNames,
} from './mapping-expressions';

const PREFIX = 'Invalid mapping expression specified: Validation Result: warnings : [], errors : ';

describe('integration request parameters', () => {
  const declared = {
    'method.request.path.id': true,
    'method.request.querystring.q': false,
    'method.request.header.X-Trace': false,
  };

  it('accepts declared method parameters, the body, stage and context variables and static values', () => {
    expect(() =>
      checkIntegrationRequestParameters(
        {
          'integration.request.path.id': 'method.request.path.id',
          'integration.request.querystring.q': 'method.request.multivaluequerystring.q',
          'integration.request.header.X-Trace': 'method.request.header.X-Trace',
          'integration.request.header.X-Body': 'method.request.body',
          'integration.request.header.X-Name': 'method.request.body.pets[0].name',
          'integration.request.header.X-Stage': 'stageVariables.color',
          'integration.request.header.X-Ip': 'context.identity.sourceIp',
          'integration.request.header.X-Static': "'a, b'",
        },
        declared,
      ),
    ).not.toThrow();
  });

  it('refuses undeclared method parameters', () => {
    expect(() =>
      checkIntegrationRequestParameters({ 'integration.request.path.proxy': 'method.request.path.proxy' }, declared),
    ).toThrow(`${PREFIX}[Invalid mapping expression parameter specified: method.request.path.proxy]`);
  });

  it('refuses malformed targets and sources', () => {
    expect(() => checkIntegrationRequestParameters({ 'integration.request.body.x': "'v'" }, declared)).toThrow(
      `${PREFIX}[Invalid mapping expression specified: integration.request.body.x]`,
    );
    for (const source of ['method.request.cookie.a', 'stageVariables.', "'unterminated", 'context.', 'whatever']) {
      expect(() => checkIntegrationRequestParameters({ 'integration.request.header.A': source }, declared)).toThrow(
        `${PREFIX}[Invalid mapping expression specified: ${source}]`,
      );
    }
  });
});

describe('method and integration response parameters', () => {
  it('method responses declare method.response.header.* only', () => {
    expect(() => checkMethodResponseParameterNames({ 'method.response.header.Location': true })).not.toThrow();
    expect(() => checkMethodResponseParameterNames({ 'method.response.body': true })).toThrow(
      `${PREFIX}[Invalid method response parameter name specified: method.response.body]`,
    );
  });

  it('integration responses map declared headers from the integration response', () => {
    const declared = { 'method.response.header.Location': true };
    expect(() =>
      checkIntegrationResponseParameters(
        { 'method.response.header.Location': 'integration.response.header.Location' },
        declared,
      ),
    ).not.toThrow();
    for (const source of ['integration.response.body', 'integration.response.body.id', "'*'", 'stageVariables.x']) {
      expect(() =>
        checkIntegrationResponseParameters({ 'method.response.header.Location': source }, declared),
      ).not.toThrow();
    }
    expect(() =>
      checkIntegrationResponseParameters({ 'method.response.header.Access-Control-Allow-Origin': "'*'" }, declared),
    ).toThrow(
      `${PREFIX}[Invalid mapping expression parameter specified: method.response.header.Access-Control-Allow-Origin]`,
    );
    expect(() =>
      checkIntegrationResponseParameters({ 'method.response.header.Location': 'method.request.path.id' }, declared),
    ).toThrow(`${PREFIX}[Invalid mapping expression specified: method.request.path.id]`);
  });
});
