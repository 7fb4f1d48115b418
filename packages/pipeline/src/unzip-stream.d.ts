// The part of unzip-stream (MIT) the download stand-in uses; the package ships no types.
declare module 'unzip-stream' {
  import type { Readable, Transform } from 'node:stream';
  interface Entry extends Readable {
    path: string;
    type: 'File' | 'Directory';
    isDirectory: boolean;
    autodrain(): void;
  }
  const unzip: {
    Parse(options?: {
      decodeString?: (b: Buffer) => string;
    }): Transform & { on(e: 'entry', f: (entry: Entry) => void): void };
  };
  export default unzip;
}
