// The few fields of autocannon's result the harness reads (the package ships no types).
declare module "autocannon" {
  interface Histogram { average: number; p50: number; p99: number }
  interface Result { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number }
  interface Options { url: string; connections?: number; duration?: number; headers?: Record<string, string>; method?: string; body?: string }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
