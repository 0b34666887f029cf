"""The Lesson panel: the lesson's ideas and experiments as steps, each with a Show me and a
check question (content in resources/lesson.json)."""
