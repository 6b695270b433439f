// nginx as the reference proxy: `proxy_pass` to the same backend over an upstream keep-alive pool, `/api/` stripped,
// no access log, run in the foreground (`daemon off`) from a temporary prefix directory with its own config.
export function nginxConfig(options: { dir: string; port: number; backendPort: number; workers: number }): string {
  const { dir, port, backendPort, workers } = options;
  return `# written by bench/http-proxy/run.ts
daemon off;
master_process on;
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {
  worker_connections 4096;
}
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  # Node's servers have no per-connection request limit: neither has nginx here, on either side.
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  upstream backend {
    server 127.0.0.1:${backendPort};
    keepalive 256;
    keepalive_requests 1000000;
    keepalive_timeout 65s;
  }
  server {
    listen 127.0.0.1:${port};
    location /api/ {
      proxy_pass http://backend/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`;
}
