// The two models AWS creates with every REST API.
export const DEFAULT_MODELS = [
  {
    name: 'Empty',
    description: 'This is a default empty schema model',
    contentType: 'application/json',
    schema: JSON.stringify(
      { $schema: 'http://json-schema.org/draft-04/schema#', title: 'Empty Schema', type: 'object' },
      null,
      2,
    ),
  },
  {
    name: 'Error',
    description: 'This is a default error schema model',
    contentType: 'application/json',
    schema: JSON.stringify(
      {
        $schema: 'http://json-schema.org/draft-04/schema#',
        title: 'Error Schema',
        type: 'object',
        properties: { message: { type: 'string' } },
      },
      null,
      2,
    ),
  },
] as const;
