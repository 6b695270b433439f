// The Foundation journey: the admin signs in, creates an API and a Viewer; the Viewer can read but not create
// (the button is absent and the server refuses); both sign out. Monaco must load from our own server only.
import { expect, type Page, test } from '@playwright/test';
import { consoleUrl, E2E } from '../support/ports';

const viewer = { email: `viewer-${Date.now()}@e2e.test`, password: 'viewer e2e password' };
const apiName = `E2E Orders ${Date.now()}`;

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/apis');
  await expect(page).toHaveURL(/\/signin$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/apis$/);
  await expect(page.getByTestId('current-user')).toHaveText(email);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto('/apis');
  await expect(page).toHaveURL(/\/signin$/);
}

test.describe.configure({ mode: 'serial' });

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toHaveText('Wrong email or password.');
});

test('the admin creates an API and a Viewer, and sees both in the audit log', async ({ page }) => {
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(consoleUrl) && !request.url().startsWith('data:'))
      foreignRequests.push(request.url());
  });
  await signIn(page, E2E.adminEmail, E2E.adminPassword);
  await expect(page.getByRole('link', { name: 'PetStore (demo)' })).toBeVisible();

  await page.getByRole('button', { name: 'Create API' }).click();
  const apiForm = page.getByRole('form', { name: 'Create a REST API' });
  await apiForm.getByLabel('Name').fill(apiName);
  await apiForm.getByLabel('Description (optional)').fill('created by the e2e test');
  await apiForm.getByRole('button', { name: 'Create', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: apiName });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: apiName }).click();
  await expect(page.getByRole('heading', { name: apiName })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Resources' })).toContainText('/');

  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Create user' }).click();
  const userForm = page.getByRole('form', { name: 'Create a user' });
  await userForm.getByLabel('Email').fill(viewer.email);
  await userForm.getByRole('combobox').selectOption('VIEWER');
  await userForm.getByLabel('Initial password').fill(viewer.password);
  await userForm.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('row').filter({ hasText: viewer.email })).toBeVisible();

  await page.getByRole('link', { name: 'Audit log' }).click();
  const entry = page.getByRole('row').filter({ hasText: 'create-rest-api' }).first();
  await expect(entry).toBeVisible();
  await entry.getByRole('link', { name: 'Details' }).click();
  await expect(page.getByTestId('json-diff').locator('.monaco-diff-editor')).toBeVisible();
  await expect(page.getByTestId('json-diff')).toContainText(apiName);
  expect(foreignRequests).toEqual([]);

  await signOut(page);
});

test('the Viewer reads APIs but cannot create one: no button, and the server refuses', async ({ page }) => {
  await signIn(page, viewer.email, viewer.password);
  await expect(page.getByRole('link', { name: apiName })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create API' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);

  const refused = await page.request.post('/api/console/restapis', {
    data: { name: 'Viewer was here' },
    headers: { Origin: consoleUrl },
  });
  expect(refused.status()).toBe(403);
  expect(refused.headers()['x-amzn-errortype']).toBe('AccessDeniedException');
  // The management API accepts the console session too, with the same role checks.
  const listed = await page.request.get('/restapis');
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { item: Array<{ name: string }> }).item.map((a) => a.name)).toContain(apiName);
  const awsRefused = await page.request.post('/restapis', { data: { name: 'Nope' }, headers: { Origin: consoleUrl } });
  expect(awsRefused.status()).toBe(403);
  expect(awsRefused.headers()['x-amzn-errortype']).toBe('AccessDeniedException');

  const users = await page.goto('/users');
  expect(users?.status()).toBe(404);

  await page.goto('/apis');
  await expect(page.getByRole('link', { name: 'Viewer was here' })).toHaveCount(0);
  await signOut(page);
});

test('a signed-out browser cannot call the console API', async ({ request }) => {
  const res = await request.get('/api/console/restapis');
  expect(res.status()).toBe(401);
});
