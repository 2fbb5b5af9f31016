provider "aws" {
  region              = "ap-northeast-1"
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Project     = "kurashi"
      Environment = "shared"
      Service     = "platform"
      ManagedBy   = "terraform"
      Repository  = var.repository
    }
  }
}
