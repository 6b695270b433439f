// The SDK types API Gateway generates (GetSdkTypes / GetSdkType), with the configuration properties GetSdk takes as
// `parameters` for each. Pure data.

export interface SdkConfigurationProperty {
  name: string;
  friendlyName: string;
  description: string;
  required: boolean;
  defaultValue?: string;
}

export interface SdkType {
  id: string;
  friendlyName: string;
  description: string;
  configurationProperties: SdkConfigurationProperty[];
}

const classPrefix: SdkConfigurationProperty = {
  name: 'classPrefix',
  friendlyName: 'Prefix',
  description: 'A prefix for the generated class names, for example SIMPLE_CALC',
  required: true,
};

export const SDK_TYPES: readonly SdkType[] = [
  {
    id: 'javascript',
    friendlyName: 'JavaScript',
    description: 'JavaScript SDK for browsers and Node.js',
    configurationProperties: [],
  },
  {
    id: 'java',
    friendlyName: 'Java SDK',
    description: 'Java SDK built on the AWS SDK for Java',
    configurationProperties: [
      {
        name: 'serviceName',
        friendlyName: 'Service Name',
        description: 'The name of the SDK client class, for example SimpleCalcSdk (no hyphens)',
        required: true,
      },
      {
        name: 'javaPackageName',
        friendlyName: 'Java Package Name',
        description: 'The package the SDK is generated in, for example examples.aws.apig.simpleCalc.sdk (no hyphens)',
        required: true,
      },
      {
        name: 'javaBuildSystem',
        friendlyName: 'Java Build System',
        description: 'The build system of the generated project: maven or gradle',
        required: false,
        defaultValue: 'maven',
      },
      {
        name: 'javaGroupId',
        friendlyName: 'Java Group Id',
        description: 'The group id of the SDK project, for example my-apig-api-examples',
        required: false,
      },
      {
        name: 'javaArtifactId',
        friendlyName: 'Java Artifact Id',
        description: 'The artifact id of the SDK project, for example simple-calc-sdk',
        required: false,
      },
      {
        name: 'javaArtifactVersion',
        friendlyName: 'Java Artifact Version',
        description: 'The version of the SDK project, for example 1.0.0',
        required: false,
      },
      {
        name: 'javaLicenseText',
        friendlyName: 'Source Code License Text',
        description: 'License text added to the top of every generated source file',
        required: false,
      },
    ],
  },
  {
    id: 'android',
    friendlyName: 'Android',
    description: 'Android SDK',
    configurationProperties: [
      {
        name: 'groupId',
        friendlyName: 'Group ID',
        description: 'The group id of the SDK project, for example com.mycompany',
        required: true,
      },
      {
        name: 'invokerPackage',
        friendlyName: 'Invoker package',
        description: 'The package of the generated client classes, for example com.mycompany.clientsdk',
        required: true,
      },
      {
        name: 'artifactId',
        friendlyName: 'Artifact ID',
        description: 'The artifact id of the SDK project, for example mycompany-client',
        required: true,
      },
      {
        name: 'artifactVersion',
        friendlyName: 'Artifact version',
        description: 'The version of the SDK project, for example 1.0.0',
        required: true,
      },
    ],
  },
  {
    id: 'objectivec',
    friendlyName: 'iOS (Objective-C)',
    description: 'iOS SDK in Objective-C',
    configurationProperties: [classPrefix],
  },
  {
    id: 'swift',
    friendlyName: 'iOS (Swift)',
    description: 'iOS SDK in Swift',
    configurationProperties: [classPrefix],
  },
  {
    id: 'ruby',
    friendlyName: 'Ruby',
    description: 'Ruby SDK',
    configurationProperties: [
      {
        name: 'service.name',
        friendlyName: 'Service Name',
        description: 'The name of the SDK client class, for example SimpleCalc',
        required: true,
      },
      {
        name: 'ruby.gem-name',
        friendlyName: 'Ruby Gem Name',
        description: 'The name of the generated gem, for example simple-calc',
        required: false,
      },
      {
        name: 'ruby.gem-version',
        friendlyName: 'Ruby Gem Version',
        description: 'The version of the generated gem, for example 1.0.0',
        required: false,
      },
    ],
  },
];
