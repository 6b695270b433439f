// Where the e2e run serves Portico: apart from the defaults (3000/8080/9090), so a running Portico is left alone.
export const E2E = {
  consolePort: Number(process.env.PORTICO_E2E_CONSOLE_PORT ?? 3100),
  gatewayPort: Number(process.env.PORTICO_E2E_GATEWAY_PORT ?? 8180),
  gatewayAdminPort: Number(process.env.PORTICO_E2E_GATEWAY_ADMIN_PORT ?? 9190),
  adminEmail: 'admin@e2e.test',
  adminPassword: 'e2e admin password',
  accessKeyId: 'AKIAE2ETESTKEY000001',
  secretAccessKey: 'e2e-secret-access-key-0123456789abcdef',
};

export const consoleUrl = `http://localhost:${E2E.consolePort}`;
export const gatewayUrl = `http://localhost:${E2E.gatewayPort}`;
