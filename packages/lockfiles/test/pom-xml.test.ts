import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { LockfileError, parserFor, type LockedPackage } from '../src/index.js';

const show = (p: LockedPackage): string => `${p.name}@${p.version}${p.dev ? ' dev' : ''}`;
const parse = (text: string, file = 'pom.xml'): LockedPackage[] => present(parserFor(file))(text, file);

const dep = (group: string, artifact: string, extra = ''): string =>
  `    <dependency>\n      <groupId>${group}</groupId>\n      <artifactId>${artifact}</artifactId>\n${extra}    </dependency>`;

// A Spring Boot service as start.spring.io writes it, with the managed versions, properties,
// ranges and scopes real poms carry.
const SERVICE = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
\txsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.5</version>
    <relativePath/> <!-- lookup parent from repository -->
  </parent>
  <groupId>com.example</groupId>
  <artifactId>demo</artifactId>
  <version>0.0.1-SNAPSHOT</version>
  <properties>
    <java.version>17</java.version>
    <jackson.version>2.17.0</jackson.version>
    <guava.version>33.1.0-jre</guava.version>
    <guava.full>\${guava.version}</guava.full>
  </properties>
  <dependencyManagement>
  <dependencies>
${dep('com.fasterxml.jackson', 'jackson-bom', '      <version>${jackson.version}</version>\n      <type>pom</type>\n      <scope>import</scope>\n')}
${dep('com.google.guava', 'guava', '      <version>${guava.full}</version>\n')}
${dep('org.yaml', 'snakeyaml', '      <version>2.2</version>\n')}
${dep('org.mockito', 'mockito-core', '      <version>5.11.0</version>\n      <scope>test</scope>\n')}
  </dependencies>
  </dependencyManagement>
  <dependencies>
${dep('org.springframework.boot', 'spring-boot-starter-web')}
${dep('com.google.guava', 'guava')}
${dep('${project.groupId}', 'demo-core', '      <version>${project.version}</version>\n')}
${dep('org.apache.commons', 'commons-text', '      <version>[1.10.0]</version>\n')}
${dep('commons-io', 'commons-io', '      <version>[2.11,3.0)</version>\n')}
${dep('org.junit.jupiter', 'junit-jupiter', '      <version>5.10.2</version>\n      <scope>test</scope>\n')}
${dep('org.example', 'from-env', '      <version>${env.LIB_VERSION}</version>\n')}
    <!-- <dependency><groupId>x</groupId><artifactId>commented-out</artifactId><version>1</version></dependency> -->
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
        <version>3.2.5</version>
      </plugin>
    </plugins>
  </build>
</project>
`;

describe('pom.xml', () => {
  it('reads dependencies with managed versions, properties and exact ranges; skips what the file cannot resolve', () => {
    const packages = parse(SERVICE);
    expect(packages.map(show)).toStrictEqual([
      'com.google.guava:guava@33.1.0-jre',
      'com.example:demo-core@0.0.1-SNAPSHOT',
      'org.apache.commons:commons-text@1.10.0',
      'org.junit.jupiter:junit-jupiter@5.10.2 dev',
      'org.yaml:snakeyaml@2.2',
      'org.mockito:mockito-core@5.11.0 dev',
    ]);
    const lines = SERVICE.split('\n');
    for (const p of packages) {
      expect(p.ecosystem).toBe('Maven');
      expect(p.file).toBe('pom.xml');
      // The line is the one of the <dependency> start tag, two above its artifactId.
      expect(lines[p.line! - 1]!.trim()).toBe('<dependency>');
      expect(lines[p.line! + 1]).toContain(`<artifactId>${p.name.split(':')[1]}</artifactId>`);
    }
    // guava is at the line it is declared in <dependencies>, not the managed one.
    expect(packages[0]!.line).toBeGreaterThan(lines.indexOf('  </dependencyManagement>') + 1);
    expect(packages.find((p) => p.name === 'org.yaml:snakeyaml')!.line).toBeLessThan(
      lines.indexOf('  </dependencyManagement>') + 1,
    );
  });

  it('takes the project version and group from the parent, and ${project.parent.version}', () => {
    const text = `<project>
  <parent><groupId>org.acme</groupId><artifactId>acme-parent</artifactId><version>1.4.0</version></parent>
  <artifactId>acme-api</artifactId>
  <properties><revision>\${project.version}</revision></properties>
  <dependencies>
    <dependency><groupId>\${project.groupId}</groupId><artifactId>acme-model</artifactId><version>\${revision}</version></dependency>
    <dependency><groupId>org.acme</groupId><artifactId>acme-bom-user</artifactId><version>\${project.parent.version}</version><scope>provided</scope></dependency>
  </dependencies>
</project>`;
    expect(parse(text, 'services/api/pom.xml').map((p) => `${show(p)} :${p.line}`)).toStrictEqual([
      'org.acme:acme-model@1.4.0 :6',
      'org.acme:acme-bom-user@1.4.0 :7',
    ]);
  });

  it('gives up on a property that refers to itself instead of looping', () => {
    const text =
      '<project><properties><a>${b}</a><b>${a}</b></properties><dependencies>' +
      '<dependency><groupId>g</groupId><artifactId>x</artifactId><version>${a}</version></dependency>' +
      '</dependencies></project>';
    expect(parse(text)).toStrictEqual([]);
  });

  it('a pom with no dependencies (an aggregator) has no packages', () => {
    expect(parse('<project><modules><module>api</module></modules></project>')).toStrictEqual([]);
  });

  for (const [what, text, line] of [
    ['a tag never closed', '<project>\n  <dependencies>\n    <dependency>\n</project>\n', 4],
    ['another root element', '<?xml version="1.0"?>\n<settings>\n</settings>\n', 2],
    ['not XML', '{ "project": {} }', 1],
    ['a truncated file', '<project>\n  <dependencies>\n    <dependency><groupId>a</groupId', 3],
  ] as const) {
    it(`refuses ${what} with a LockfileError naming the file and line`, () => {
      expect(() => parse(text, 'app/pom.xml')).toThrow(LockfileError);
      expect(() => parse(text, 'app/pom.xml')).toThrow(expect.objectContaining({ file: 'app/pom.xml', line }));
    });
  }
});
