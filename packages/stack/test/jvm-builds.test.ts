import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { detectStack, type Project, type Stack } from '../src/index.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { assertValidStack, detectFiles, projectAt } from './helpers.js';

/** What one project should report; a field left out is not checked. */
interface Expect {
  path: string;
  name?: string;
  java?: [string | null, string | null];
  /** The build tool's version, and where it came from when given. */
  tool?: [string | null, string?];
  frameworks?: string[];
  build?: string;
}

interface Case {
  name: string;
  files: Record<string, string>;
  projects: Expect[];
  only: string[];
  monorepo?: { tool: string | null; workspaces: string[] } | null;
}

const GRADLE_87 =
  'distributionBase=GRADLE_USER_HOME\ndistributionPath=wrapper/dists\ndistributionUrl=https\\://services.gradle.org/distributions/gradle-8.7-bin.zip\nnetworkTimeout=10000\nzipStoreBase=GRADLE_USER_HOME\nzipStorePath=wrapper/dists\n';
const MAVEN_396 =
  'wrapperVersion=3.3.2\ndistributionType=only-script\ndistributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.6/apache-maven-3.9.6-bin.zip\n';

const pom = (inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n${inner}\n</project>\n`;

const CASES: Case[] = [
  {
    name: 'gradle: the settings folder is a project; subprojects inherit its toolchain and wrapper',
    files: {
      'settings.gradle.kts':
        'pluginManagement {\n  includeBuild("build-logic")\n}\nrootProject.name = "platform"\ninclude(\n  ":app", // the service\n  ":lib",\n)\n',
      'build.gradle.kts':
        'plugins {\n  java\n  id("org.springframework.boot") version "3.3.0" apply false\n}\nsubprojects {\n  java {\n    toolchain {\n      languageVersion = JavaLanguageVersion.of(21)\n    }\n  }\n}\n',
      gradlew: '#!/bin/sh\n',
      'gradle/wrapper/gradle-wrapper.properties': GRADLE_87,
      'app/build.gradle.kts': 'plugins {\n  id("org.springframework.boot")\n}\n',
      'lib/build.gradle.kts': 'plugins { kotlin("jvm") }\nkotlin {\n  jvmToolchain(17)\n}\n',
      'buildSrc/build.gradle.kts': 'plugins { `kotlin-dsl` }\n',
      'build-logic/settings.gradle.kts': 'rootProject.name = "build-logic"\n',
      'build-logic/build.gradle.kts': 'plugins { `kotlin-dsl` }\n',
    },
    projects: [
      {
        path: '.',
        name: 'platform',
        java: ['21', 'build.gradle.kts'],
        tool: ['8.7', 'gradle/wrapper/gradle-wrapper.properties#distributionUrl'],
        frameworks: [],
        build: './gradlew build -x test',
      },
      {
        path: 'app',
        java: ['21', 'build.gradle.kts'],
        tool: ['8.7', 'gradle/wrapper/gradle-wrapper.properties#distributionUrl'],
        frameworks: ['spring-boot@3.3.0'],
        build: '../gradlew build -x test',
      },
      { path: 'lib', java: ['17', 'lib/build.gradle.kts'], tool: ['8.7'] },
    ],
    only: ['.', 'app', 'lib'],
    monorepo: { tool: 'gradle', workspaces: ['app', 'lib'] },
  },
  {
    name: 'gradle: versions from the catalog, gradle.properties and JavaVersion; projectDir moves a project',
    files: {
      'settings.gradle':
        "rootProject.name = 'shop'\ninclude 'api',\n  'core'\nproject(':core').projectDir = file('modules/core')\n",
      'gradle.properties': 'org.gradle.jvmargs=-Xmx2g\njavaVersion = 11\n',
      'gradle/libs.versions.toml':
        '[versions]\njava-toolchain = "17"\nspring = "6.1.8"\n\n[libraries]\njava = "x:y:1"\n',
      'gradle/wrapper/gradle-wrapper.properties':
        'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.10.2-all.zip\n',
      'api/build.gradle.kts':
        'java {\n  toolchain {\n    languageVersion.set(JavaLanguageVersion.of(libs.versions.java.toolchain.get().toInt()))\n  }\n}\n',
      'modules/core/build.gradle':
        "plugins { id 'java-library' }\njava {\n  sourceCompatibility = JavaVersion.toVersion(project.property('javaVersion'))\n}\n",
      'tools/legacy/build.gradle': "apply plugin: 'java'\nsourceCompatibility = JavaVersion.VERSION_1_8\n",
    },
    projects: [
      { path: '.', name: 'shop', java: [null, null], tool: ['8.10.2'] },
      { path: 'api', java: ['17', 'gradle/libs.versions.toml#versions.java-toolchain'] },
      { path: 'modules/core', java: ['11', 'gradle.properties#javaVersion'], build: 'gradle build -x test' },
      // Not included: a build of its own, under the nearest settings all the same.
      { path: 'tools/legacy', java: ['8', 'tools/legacy/build.gradle'] },
    ],
    only: ['.', 'api', 'modules/core', 'tools/legacy'],
  },
  {
    name: "maven: Spring Boot's java.version and the Maven wrapper's version",
    files: {
      'pom.xml': pom(
        '  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>3.2.5</version>\n    <relativePath/>\n  </parent>\n  <groupId>com.example</groupId>\n  <artifactId>demo</artifactId>\n  <properties>\n    <java.version>21</java.version>\n  </properties>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n  </dependencies>',
      ),
      mvnw: '#!/bin/sh\n',
      '.mvn/wrapper/maven-wrapper.properties': MAVEN_396,
    },
    projects: [
      {
        path: '.',
        name: 'demo',
        java: ['21', 'pom.xml#java.version'],
        tool: ['3.9.6', '.mvn/wrapper/maven-wrapper.properties#distributionUrl'],
        frameworks: ['spring-boot@3.2.5'],
      },
    ],
    only: ['.'],
  },
  {
    name: 'maven: properties resolve through the parent chain, the child overriding; profiles do not count',
    files: {
      'pom.xml': pom(
        '  <groupId>com.example</groupId>\n  <artifactId>parent</artifactId>\n  <version>1.0</version>\n  <packaging>pom</packaging>\n  <modules>\n    <module>svc</module>\n    <module>lib</module>\n  </modules>\n  <profiles>\n    <profile>\n      <id>old</id>\n      <properties>\n        <maven.compiler.release>8</maven.compiler.release>\n      </properties>\n    </profile>\n  </profiles>\n  <properties>\n    <jdk.version>17</jdk.version>\n    <maven.compiler.release>${jdk.version}</maven.compiler.release>\n  </properties>',
      ),
      '.mvn/wrapper/maven-wrapper.properties': MAVEN_396,
      'svc/pom.xml': pom(
        '  <parent>\n    <groupId>com.example</groupId>\n    <artifactId>parent</artifactId>\n    <version>1.0</version>\n  </parent>\n  <dependencies>\n    <dependency>\n      <groupId>com.example</groupId>\n      <artifactId>lib</artifactId>\n    </dependency>\n  </dependencies>\n  <artifactId>svc</artifactId>\n  <properties>\n    <jdk.version>21</jdk.version>\n  </properties>',
      ),
      'lib/pom.xml': pom(
        '  <parent>\n    <groupId>com.example</groupId>\n    <artifactId>parent</artifactId>\n    <version>1.0</version>\n  </parent>\n  <artifactId>lib</artifactId>',
      ),
    },
    projects: [
      { path: 'svc', name: 'svc', java: ['21', 'svc/pom.xml#jdk.version'], tool: ['3.9.6'] },
      { path: 'lib', name: 'lib', java: ['17', 'pom.xml#jdk.version'] },
    ],
    only: ['lib', 'svc'],
    monorepo: { tool: 'maven', workspaces: ['lib', 'svc'] },
  },
  {
    name: 'maven: the compiler plugin wins over properties; 1.8 is 8; relativePath is followed and checked',
    files: {
      'parent/pom.xml': pom(
        '  <groupId>com.example</groupId>\n  <artifactId>base</artifactId>\n  <version>1</version>\n  <packaging>pom</packaging>\n  <properties>\n    <maven.compiler.source>1.8</maven.compiler.source>\n  </properties>',
      ),
      'app/pom.xml': pom(
        '  <parent>\n    <groupId>com.example</groupId>\n    <artifactId>base</artifactId>\n    <version>1</version>\n    <relativePath>../parent</relativePath>\n  </parent>\n  <artifactId>app</artifactId>\n  <build>\n    <plugins>\n      <plugin>\n        <groupId>org.apache.maven.plugins</groupId>\n        <artifactId>maven-compiler-plugin</artifactId>\n        <configuration>\n          <release>11</release>\n        </configuration>\n      </plugin>\n    </plugins>\n  </build>',
      ),
      'tool/pom.xml': pom(
        '  <parent>\n    <groupId>com.example</groupId>\n    <artifactId>base</artifactId>\n    <version>1</version>\n    <relativePath>../parent/pom.xml</relativePath>\n  </parent>\n  <artifactId>tool</artifactId>',
      ),
      // The default relativePath (..) holds another artifact: the parent is in a repository.
      'other/pom.xml': pom(
        '  <groupId>x</groupId>\n  <artifactId>unrelated</artifactId>\n  <properties><java.version>25</java.version></properties>',
      ),
      'other/mod/pom.xml': pom(
        '  <parent>\n    <groupId>com.example</groupId>\n    <artifactId>corporate-parent</artifactId>\n    <version>7</version>\n  </parent>\n  <artifactId>mod</artifactId>\n  <properties>\n    <maven.compiler.release>${java.version}</maven.compiler.release>\n  </properties>',
      ),
    },
    projects: [
      { path: 'app', java: ['11', 'app/pom.xml#maven-compiler-plugin.release'] },
      { path: 'tool', java: ['8', 'parent/pom.xml#maven.compiler.source'] },
      { path: 'other/mod', java: [null, null] },
    ],
    // A parent pom without modules is an artifact of its own, built and installed like any other.
    only: ['app', 'other', 'other/mod', 'parent', 'tool'],
  },
];

function check(stack: Stack, c: Case): void {
  expect(stack.projects.map((p) => p.path).sort()).toStrictEqual([...c.only].sort()); // project paths
  for (const e of c.projects) {
    const p: Project = projectAt(stack, e.path);
    if (e.name) expect(p.name).toBe(e.name); // name
    if (e.java) expect([p.runtime.name, p.runtime.version, p.runtime.source]).toStrictEqual(['java', ...e.java]); // java version and its source
    if (e.tool) expect(p.packageManager?.version ?? null).toBe(e.tool[0]); // build tool version
    if (e.tool?.[1] !== undefined) expect(p.packageManager?.source).toBe(e.tool[1]); // where the build tool version came from
    if (e.frameworks) expect(p.frameworks.map((f) => `${f.name}@${f.version}`)).toStrictEqual(e.frameworks); // frameworks
    if (e.build) expect(p.commands.build).toBe(e.build); // build command
  }
  if (c.monorepo !== undefined) expect(stack.monorepo).toStrictEqual(c.monorepo); // monorepo
}

describe('JVM builds: versions, wrappers and the root build', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { stack } = await detectFiles(c.files);
      check(stack, c);
    });
  }

  it('a wrapper properties file that is a symbolic link is not followed', async () => {
    const root = makeTree({ 'settings.gradle': "rootProject.name = 'x'\n", 'build.gradle': "apply plugin: 'java'\n" });
    const outside = makeTree({ 'gradle-wrapper.properties': GRADLE_87 });
    try {
      mkdirSync(join(root, 'gradle/wrapper'), { recursive: true });
      symlinkSync(join(outside, 'gradle-wrapper.properties'), join(root, 'gradle/wrapper/gradle-wrapper.properties'));
      // The folder as a link, too: a real file reached through it is outside the walk's tree.
      mkdirSync(join(root, 'svc'));
      writeFileSync(join(root, 'svc/build.gradle'), "apply plugin: 'java'\n");
      writeFileSync(join(root, 'svc/settings.gradle'), "rootProject.name = 'svc'\n");
      symlinkSync(outside, join(root, 'svc/gradle'));
      mkdirSync(join(outside, 'wrapper'));
      writeFileSync(join(outside, 'wrapper/gradle-wrapper.properties'), GRADLE_87);
      const stack = await detectStack({ root, logger: new RecordingLogger() });
      assertValidStack(stack);
      expect(projectAt(stack, '.').packageManager?.version).toBeNull(); // link to a file: not read
      expect(projectAt(stack, 'svc').packageManager?.version).toBeNull(); // link to a folder: not entered
    } finally {
      removeTree(root);
      removeTree(outside);
    }
  });

  it('a wrapper whose distributionUrl names no version reports none, and the build still is a project', async () => {
    const { stack } = await detectFiles({
      'settings.gradle.kts': 'rootProject.name = "x"\n',
      'gradle/wrapper/gradle-wrapper.properties': 'distributionUrl=https\\://example.com/custom-distribution.zip\n',
    });
    const p = projectAt(stack, '.');
    expect([p.manifest, p.packageManager?.version, p.packageManager?.source]).toStrictEqual([
      'settings.gradle.kts',
      null,
      'settings.gradle.kts',
    ]);
  });
});
