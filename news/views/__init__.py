from news.views.articles import article_detail, article_list

__all__ = ["article_detail", "article_list"]
