// Rendering speed of the mapping-template engine. Run: npx tsx lib/vtl/bench.ts
// Prints renders/second for typical templates (about 1 KB) over a 10 KB JSON body, plus compile time.
import { compileTemplate, createAwsContext, render } from './index';

const items = Array.from({ length: 70 }, (_, i) => ({
  id: i,
  type: ['dog', 'cat', 'fish'][i % 3],
  price: 10 + i * 1.25,
  name: `Pet number ${i}`,
  tags: ['friendly', 'small'],
  owner: { name: `Owner ${i}`, email: `owner${i}@example.com` },
}));
const body = JSON.stringify({ items, total: items.length, next: 'https://example.com/pets?page=2' });

const templates: Record<string, string> = {
  'petstore array mapping': `#set($inputRoot = $input.path('$'))
{
  "count": $inputRoot.total,
  "pets": [
#foreach($elem in $inputRoot.items)
    {
      "number": $elem.id,
      "class": "$elem.type",
      "name": "$util.escapeJavaScript($elem.name)",
      "owner": "$elem.owner.email.toLowerCase()",
      "salesPrice": $elem.price#if($elem.price > 50),
      "expensive": true#end

    }#if($foreach.hasNext),#end

#end
  ],
  "next": $input.json('$.next')
}`,
  'request passthrough': `#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
"$type" : {
    #foreach($paramName in $params.keySet())
    "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
        #if($foreach.hasNext),#end
    #end
}
    #if($foreach.hasNext),#end
#end
},
"stage-variables" : {
#foreach($key in $stageVariables.keySet())
"$key" : "$util.escapeJavaScript($stageVariables.get($key))"
    #if($foreach.hasNext),#end
#end
},
"context" : {
    "http-method" : "$context.httpMethod",
    "stage" : "$context.stage",
    "source-ip" : "$context.identity.sourceIp",
    "request-id" : "$context.requestId",
    "resource-path" : "$context.resourcePath"
    }
}`,
  'small JSONPath picks': `{
  "first": $input.json('$.items[0].name'),
  "cheap": $input.json('$.items[?(@.price < 20)].id'),
  "emails": $input.json('$..email'),
  "total": $input.path('$.total'),
  "id": "$input.params('id')",
  "stage": "$stageVariables.env"
}`,
};

const input = {
  body,
  path: { id: '42' },
  querystring: { page: '2', sort: 'price' },
  header: { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': 'bench/1.0' },
  stageVariables: { env: 'prod', backend: 'https://backend.example.com' },
  context: {
    httpMethod: 'POST',
    stage: 'prod',
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    resourcePath: '/pets/{id}',
    identity: { sourceIp: '192.0.2.1' },
  },
};

function measure(fn: () => void, minMs = 1000): number {
  for (let i = 0; i < 500; i++) fn();
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 20; i++) fn();
    n += 20;
    elapsed = performance.now() - start;
  }
  return (n * 1000) / elapsed;
}

console.log(`body: ${body.length} bytes`);
// Warm the JIT up on everything first, so the first template measured is not penalised.
for (const source of Object.values(templates))
  measure(() => render(compileTemplate(source), createAwsContext(input)), 300);
for (const [name, source] of Object.entries(templates)) {
  const compilesPerSec = measure(() => compileTemplate(source), 300);
  const template = compileTemplate(source);
  const out = render(template, createAwsContext(input));
  const rendersPerSec = measure(() => render(template, createAwsContext(input)));
  console.log(
    `${name.padEnd(24)} template ${String(source.length).padStart(5)} B  output ${String(out.length).padStart(6)} B  ` +
      `compile ${(1e6 / compilesPerSec).toFixed(1).padStart(6)} µs  render ${Math.round(rendersPerSec)
        .toString()
        .padStart(6)}/s (${(1e6 / rendersPerSec).toFixed(0)} µs, context and body parse included)`,
  );
}
