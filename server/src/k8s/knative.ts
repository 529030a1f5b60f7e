/**
 * Knative Serving's pods: a Service's, Configuration's or Revision's (pod-templates.ts reads no
 * other kind of the group as a pod). Its webhook validates them at apply (k8s_validation.go), and
 * its controller makes a Deployment whose queue-proxy sidecar forwards requests to the app.
 */
import type { PodModel } from './pod-model';
import { groupOf } from './workloads';

export const isKnativeServing = (pod: PodModel): boolean => groupOf(pod.object.apiVersion) === 'serving.knative.dev';
