#!/usr/bin/env bash
# The bastion: an ECS service (desired count 0) whose one task exists only while someone needs the
# database. Sessions reach it through ECS Exec (Session Manager); nothing listens on the network.
#
#   ENV=stg infra/ecspresso/bastion/bastion.sh up [--writer] [--local-port N]
#   ENV=stg infra/ecspresso/bastion/bastion.sh down
#
# `up` scales the service to 1 on its latest task definition, waits for the task and its ECS Exec
# agent, and prints the `aws ssm start-session` command that forwards a local port to Aurora (the
# reader endpoint unless --writer). `down` ends the open sessions to the bastion, scales it to 0.
# Needs the AWS CLI v2, the Session Manager plugin, and credentials for the environment's account
# (docs/runbooks/database-access.md). Starting a session is announced in Slack.
set -euo pipefail

REGION=${AWS_REGION:-ap-northeast-1}
SERVICE=bastion
CONTAINER=bastion

die() {
  echo "bastion: $*" >&2
  exit 1
}

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

ecs() { aws ecs --region "$REGION" "$@"; }

# Extra arguments go to update-service.
scale() {
  local count=$1
  shift
  ecs update-service --cluster "$CLUSTER" --service "$SERVICE" --desired-count "$count" "$@" \
    --query 'service.desiredCount' --output text >/dev/null
}

running_task() {
  ecs list-tasks --cluster "$CLUSTER" --service-name "$SERVICE" --desired-status RUNNING \
    --query 'taskArns[0]' --output text
}

# ECS Exec answers only once the task's managed agent runs; a task can be RUNNING before that.
wait_for_exec_agent() {
  local task=$1 status
  for _ in {1..60}; do
    status=$(ecs describe-tasks --cluster "$CLUSTER" --tasks "$task" \
      --query "tasks[0].containers[?name=='$CONTAINER'] | [0].managedAgents[?name=='ExecuteCommandAgent'] | [0].lastStatus" \
      --output text)
    [[ $status == RUNNING ]] && return 0
    sleep 5
  done
  die "the ECS Exec agent of $task is not running after 5 minutes (status: $status)"
}

cmd_up() {
  local endpoint=ReaderEndpoint local_port=15432 task task_id runtime_id host
  while (($# > 0)); do
    case $1 in
      --writer) endpoint=Endpoint ;;
      --local-port)
        (($# >= 2)) || die "--local-port needs a number"
        local_port=$2
        shift
        ;;
      *) die "unknown option for up: $1" ;;
    esac
    shift
  done

  echo "Scaling $CLUSTER/$SERVICE to 1..."
  # The family name selects its latest revision: each deploy registers one with the current image.
  scale 1 --task-definition "$CLUSTER-$SERVICE"
  ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"
  task=$(running_task)
  [[ -n $task && $task != None ]] || die "no running bastion task in $CLUSTER"
  wait_for_exec_agent "$task"
  task_id=${task##*/}
  runtime_id=$(ecs describe-tasks --cluster "$CLUSTER" --tasks "$task" \
    --query "tasks[0].containers[?name=='$CONTAINER'] | [0].runtimeId" --output text)
  host=${DB_HOST:-$(aws rds describe-db-clusters --region "$REGION" \
    --db-cluster-identifier "${DB_CLUSTER_ID:-kurashi-$ENV-db}" \
    --query "DBClusters[0].$endpoint" --output text)}

  cat <<EOF

The bastion is up (task $task_id). Forward Aurora ($host) to localhost:$local_port:

  aws ssm start-session --region $REGION \\
    --target ecs:${CLUSTER}_${task_id}_${runtime_id} \\
    --document-name AWS-StartPortForwardingSessionToRemoteHost \\
    --parameters '{"host":["$host"],"portNumber":["5432"],"localPortNumber":["$local_port"]}'

Then connect as docs/runbooks/database-access.md says, and finish with:

  ENV=$ENV $0 down
EOF
}

cmd_down() {
  local sessions session
  # Port-forwarding sessions would otherwise stay open until their idle timeout.
  sessions=$(aws ssm describe-sessions --region "$REGION" --state Active \
    --query "Sessions[?starts_with(Target, 'ecs:${CLUSTER}_')].SessionId" --output text)
  for session in $sessions; do
    [[ $session == None ]] && continue
    echo "Ending session $session"
    aws ssm terminate-session --region "$REGION" --session-id "$session" >/dev/null
  done
  echo "Scaling $CLUSTER/$SERVICE to 0..."
  scale 0
  ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"
  echo "The bastion is down."
}

main() {
  local command=${1:-}
  (($# == 0)) || shift
  case $command in
    up | down)
      [[ ${ENV:-} =~ ^(stg|prod)$ ]] || die "set ENV to stg or prod"
      CLUSTER=kurashi-$ENV
      "cmd_$command" "$@"
      ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
