// Finds the Java that runs the server: the setting strace.java.home, then JAVA_HOME, then `java` on PATH.
// A wrong explicit setting is an error, never silently replaced by another Java (the user asked for that
// one); a wrong JAVA_HOME is noted and PATH is tried.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const MIN_JAVA = 17;

export interface Java {
  /** The java executable. */
  readonly executable: string;
  readonly version: number;
  /** Where it came from, for the log: "strace.java.home", "JAVA_HOME" or "PATH". */
  readonly source: string;
}

/** Why no usable Java was found; the message says what to do. */
export class JavaNotFound extends Error {
  constructor(message: string, readonly fromSetting: boolean) {
    super(message);
  }
}

const javaName = process.platform === 'win32' ? 'java.exe' : 'java';

export async function findJava(javaHomeSetting: string | null | undefined, log: (line: string) => void): Promise<Java> {
  const setting = javaHomeSetting?.trim();
  if (setting) {
    const home = expandHome(setting);
    const executable = javaInHome(home);
    if (!executable) {
      throw new JavaNotFound(`The setting strace.java.home is "${setting}", which holds no ${path.join('bin', javaName)}. `
        + `Set it to the folder of a Java ${MIN_JAVA} or newer installation, or clear it to use JAVA_HOME or the java on PATH.`, true);
    }
    const version = await javaVersion(executable);
    if (version === undefined || version < MIN_JAVA) {
      throw new JavaNotFound(`The setting strace.java.home points to ${describe(version)} (${executable}); strace-ls needs Java `
        + `${MIN_JAVA} or newer. Set it to a Java ${MIN_JAVA}+ installation, or clear it to use JAVA_HOME or the java on PATH.`, true);
    }
    return { executable, version, source: 'strace.java.home' };
  }

  const tried: string[] = [];
  const javaHome = process.env.JAVA_HOME?.trim();
  if (javaHome) {
    const executable = javaInHome(javaHome);
    const version = executable ? await javaVersion(executable) : undefined;
    if (executable && version !== undefined && version >= MIN_JAVA) {
      return { executable, version, source: 'JAVA_HOME' };
    }
    const why = executable ? `JAVA_HOME=${javaHome} is ${describe(version)}` : `JAVA_HOME=${javaHome} holds no ${path.join('bin', javaName)}`;
    tried.push(why);
    log(`${why}; trying the java on PATH`);
  } else {
    tried.push('JAVA_HOME is not set');
  }

  const onPath = whichJava();
  if (onPath) {
    const version = await javaVersion(onPath);
    if (version !== undefined && version >= MIN_JAVA) {
      return { executable: onPath, version, source: 'PATH' };
    }
    tried.push(`the java on PATH (${onPath}) is ${describe(version)}`);
  } else {
    tried.push('no java on PATH');
  }
  throw new JavaNotFound(`strace-ls needs Java ${MIN_JAVA} or newer to run its language server, and found none: `
    + `${tried.join('; ')}. Install a JDK or JRE ${MIN_JAVA}+ (for example from adoptium.net, or your system's `
    + `openjdk-${MIN_JAVA} package), then set strace.java.home to its folder or put its java on PATH.`, false);
}

function describe(version: number | undefined): string {
  return version === undefined ? 'a java whose version could not be read' : `Java ${version}`;
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

/** The java executable of a Java home, or of a path to the executable itself (a common mistake worth accepting). */
function javaInHome(home: string): string | undefined {
  const candidates = [path.join(home, 'bin', javaName), home];
  return candidates.find(c => isExecutableFile(c) && path.basename(c) === javaName);
}

function whichJava(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) {
      const candidate = path.join(dir, javaName);
      if (isExecutableFile(candidate)) {
        return fs.realpathSync(candidate);
      }
    }
  }
  return undefined;
}

function isExecutableFile(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The major version `java -version` reports: 8 for "1.8.0_392", 17 for "17.0.15", 21 for "21-ea". */
export function parseJavaVersion(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!m) {
    return undefined;
  }
  const major = Number(m[1]);
  return major === 1 && m[2] !== undefined ? Number(m[2]) : major;
}

function javaVersion(executable: string): Promise<number | undefined> {
  return new Promise(resolve => {
    execFile(executable, ['-version'], { timeout: 15000 }, (error, stdout, stderr) => {
      resolve(error ? undefined : parseJavaVersion(`${stderr}\n${stdout}`));
    });
  });
}

/** Splits "-Xmx1g -Dx=\"a b\"" into arguments; double quotes group. */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  let current = '';
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index !== last && current) {
      args.push(current);
      current = '';
    }
    current += m[1] ?? m[2];
    last = re.lastIndex;
  }
  if (current) {
    args.push(current);
  }
  return args;
}
