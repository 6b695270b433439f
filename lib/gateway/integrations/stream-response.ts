// HTTP_PROXY's response path: the backend's status, headers and body go straight into the client's response through
// undici's dispatch handler interface — no intermediate stream, no promise per chunk, and the raw header list
// (kept in order, duplicates included) instead of a parsed object. Backpressure: a client that reads slowly pauses
// the backend connection; a client that goes away aborts the backend request (at the next chunk, or at once when
// paused).
import type { Writable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { GatewayError } from '../gateway-error';
import { type BackendRequest, backendAgent, backendError, dispatchOptions } from './backend-client';

/** Writes the status and headers (flat `[name, value, …]`) to the client and returns where the body goes. */
export type OpenResponse = (status: number, headers: string[]) => Writable;

/** Turns the backend's raw header list into the one the client gets (AWS's drops and renames). */
export type ResponseHeaders = (raw: readonly Buffer[]) => string[];

class StreamToClient implements Dispatcher.DispatchHandler {
  #controller?: Dispatcher.DispatchController;
  #out?: Writable;
  #timer?: NodeJS.Timeout;
  #done = false;
  #timedOut = false;

  constructor(
    private readonly open: OpenResponse,
    private readonly responseHeaders: ResponseHeaders,
    private readonly resolve: () => void,
    private readonly reject: (error: unknown) => void,
    timeoutMs: number | undefined,
  ) {
    // undici's own timeouts tick about once a second: a timeout under two seconds gets a precise timer of its own.
    if (timeoutMs !== undefined) this.#timer = setTimeout(() => this.#timeout(), timeoutMs);
  }

  #timeout(): void {
    this.#timedOut = true;
    if (this.#controller) this.#controller.abort(new GatewayError('INTEGRATION_TIMEOUT'));
    else this.#fail(new GatewayError('INTEGRATION_TIMEOUT'));
  }

  #fail(error: unknown): void {
    if (this.#done) return;
    this.#done = true;
    if (this.#timer) clearTimeout(this.#timer);
    const out = this.#out;
    if (out === undefined) {
      this.reject(this.#timedOut ? new GatewayError('INTEGRATION_TIMEOUT') : backendError(error));
      return;
    }
    // The client already has the status and headers: all that is left is to cut the response.
    out.destroy();
    this.resolve();
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#timedOut) controller.abort(new GatewayError('INTEGRATION_TIMEOUT'));
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number): void {
    if (statusCode < 200) return; // 1xx informational: the real response follows
    // The timeout is the wait for the backend's answer; its body then has undici's idle timeout (bodyTimeout).
    if (this.#timer) clearTimeout(this.#timer);
    const raw = (controller as { rawHeaders?: Buffer[] }).rawHeaders ?? [];
    const out = this.open(statusCode, this.responseHeaders(raw));
    this.#out = out;
    // The client left while the backend was still thinking.
    if (out.destroyed) controller.abort(new Error('the client went away'));
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const out = this.#out;
    if (out === undefined) return;
    if (out.destroyed) {
      controller.abort(new Error('the client went away'));
      return;
    }
    if (!out.write(chunk)) {
      // A slow client: pause the backend until it drains — or abort if it goes away meanwhile. (A client that goes
      // away while nothing is paused is noticed at the next chunk.)
      controller.pause();
      const onDrain = () => {
        out.off('close', onClose);
        controller.resume();
      };
      const onClose = () => {
        out.off('drain', onDrain);
        if (!this.#done) controller.abort(new Error('the client went away'));
      };
      out.once('drain', onDrain);
      out.once('close', onClose);
    }
  }

  onResponseEnd(): void {
    if (this.#done) return;
    this.#done = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#out?.end();
    this.resolve();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#fail(error);
  }
}

/**
 * Sends the request and streams the backend's response into what `open` returns. Rejects with a GatewayError only
 * before `open` is called (unreachable backend, timeout before the headers); after that the response is on its way
 * and a failure can only cut it.
 */
export function streamToClient(
  req: BackendRequest,
  open: OpenResponse,
  responseHeaders: ResponseHeaders,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const precise = req.timeoutMs < 2000;
    const options = dispatchOptions(req, !precise);
    backendAgent().dispatch(
      options,
      new StreamToClient(open, responseHeaders, resolve, reject, precise ? req.timeoutMs : undefined),
    );
  });
}
