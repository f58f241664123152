#include "intents/handlers/forget_handler.hpp"

#include <string>

namespace rubdown::intents::handlers {

std::vector<Reply> handle_forget_request(HandlerContext& /*context*/) {
    Reply reply{
        "This deletes everything I know about you: runs, races, bookings and reminders. "
        "It can't be undone. Are you sure?"};
    reply.buttons.push_back(Button{"Delete everything", std::string{kForgetConfirmAction}, ""});
    reply.buttons.push_back(Button{"Keep my data", std::string{kForgetCancelAction}, ""});
    return {reply};
}

std::vector<Reply> handle_forget_confirmed(HandlerContext& context) {
    if (context.user.id != 0) context.repos.users.erase(context.user.id);
    context.user.id = 0;
    Reply reply{"Done ✓ Everything about you is deleted. If you write again, I'll start fresh."};
    reply.edit_original = true;
    return {reply};
}

std::vector<Reply> handle_forget_cancelled(HandlerContext& /*context*/) {
    Reply reply{"Kept ✓ Nothing was deleted."};
    reply.edit_original = true;
    return {reply};
}

}  // namespace rubdown::intents::handlers
