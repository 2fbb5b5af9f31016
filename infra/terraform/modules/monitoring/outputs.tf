output "prometheus_workspace_arn" {
  description = "Prometheus workspace; the task roles may remote-write to it."
  value       = aws_prometheus_workspace.this.arn
}

output "remote_write_url" {
  description = "Remote-write endpoint of the workspace, for the collector sidecars (AWS_PROMETHEUS_ENDPOINT)."
  value       = "${aws_prometheus_workspace.this.prometheus_endpoint}api/v1/remote_write"
}

output "grafana_endpoint" {
  description = "Host name of the Grafana workspace (the grafana provider's URL)."
  value       = aws_grafana_workspace.this.endpoint
}
