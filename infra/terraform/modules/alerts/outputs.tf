output "topic_arn" {
  description = "Alerts topic: alarm actions and the bastion session announcements."
  value       = aws_sns_topic.this.arn
}
