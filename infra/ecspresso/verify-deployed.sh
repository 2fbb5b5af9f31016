#!/usr/bin/env bash
# After `ecspresso deploy`: fails unless the service runs the task definition this deploy registered.
#
#   ENV=stg IMAGE_TAG=<git sha> infra/ecspresso/verify-deployed.sh <service>
#
# `ecspresso deploy` waits for "services stable", and a deployment the ECS circuit breaker rolled back is
# stable too (on the previous revision), so the deploy step alone ends green after a rollback. This checks
# what runs: the primary deployment completed, on a task definition whose images carry IMAGE_TAG, with
# as many tasks running as desired, and no deployment of this service failed.
set -euo pipefail

SERVICE=${1:?usage: verify-deployed.sh <service>}
: "${ENV:?ENV (stg or prod) is required}" "${IMAGE_TAG:?IMAGE_TAG is required}"
REGION=${AWS_REGION:-ap-northeast-1}
CLUSTER=kurashi-$ENV

ecs() { aws ecs --region "$REGION" "$@"; }

service=$(ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" --output json)
primary=$(jq -c '.services[0].deployments[] | select(.status == "PRIMARY")' <<<"$service")
task_definition=$(jq -r '.taskDefinition' <<<"$primary")
rollout=$(jq -r '.rolloutState' <<<"$primary")
running=$(jq -r '.runningCount' <<<"$primary")
desired=$(jq -r '.desiredCount' <<<"$primary")
images=$(ecs describe-task-definition --task-definition "$task_definition" \
  --query 'taskDefinition.containerDefinitions[].image' --output text)

echo "$SERVICE: primary deployment on $task_definition, rollout $rollout, $running/$desired running"
echo "$SERVICE: images $images"

fail() {
  echo "::error::$SERVICE: $*" >&2
  jq -r '.services[0].events[:10][] | "  \(.createdAt) \(.message)"' <<<"$service" >&2
  exit 1
}

[[ $rollout == COMPLETED ]] || fail "the primary deployment is $rollout, not COMPLETED"
grep -q ":$IMAGE_TAG\b" <<<"$images" ||
  fail "runs $task_definition, not this deploy's images (tag $IMAGE_TAG): the circuit breaker rolled it back"
((running == desired)) || fail "$running of $desired tasks running"
