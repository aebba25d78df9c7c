package io.etareport.users;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts: who may sign in, and as what. Admins only (see the security configuration). The
 * original's URLs ({@code /add_user}, {@code /edit_user/<id>}, {@code /toggle_user_status/<id>},
 * {@code /delete_user/<id>}) keep working beside ours; a rejected form is shown again with its message
 * and status 400.
 */
@Controller
class ManageUsersController {

    private static final String LIST = "staff/users";
    private static final String EDIT = "staff/user-edit";

    private final StaffUsers users;
    private final UserAdministration administration;

    ManageUsersController(StaffUsers users, UserAdministration administration) {
        this.users = users;
        this.administration = administration;
    }

    @ModelAttribute("section")
    String section() {
        return "users";
    }

    @GetMapping("/manage_users")
    String list(Model model) {
        model.addAttribute("userForm", new UserForm());
        return showList(model);
    }

    @PostMapping({"/manage_users", "/add_user"})
    String add(@Valid @ModelAttribute("userForm") UserForm form, BindingResult result, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.add(form.getEmail(), form.getName(), form.parsedRole());
                redirect.addFlashAttribute("notice", "Added " + form.getEmail() + ".");
                return "redirect:/manage_users";
            } catch (UserAdministration.Refused refused) {
                reject(result, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return showList(model);
    }

    /** The original's edit URL. */
    @GetMapping("/edit_user/{id}")
    String originalEdit(@PathVariable long id) {
        return "redirect:/manage_users/edit/" + id;
    }

    @GetMapping("/manage_users/edit/{id}")
    String edit(@PathVariable long id, Model model) {
        StaffUser user = existing(id);
        model.addAttribute("user", user);
        model.addAttribute("userForm", UserForm.of(user));
        return EDIT;
    }

    @PostMapping({"/manage_users/edit/{id}", "/edit_user/{id}"})
    String update(@PathVariable long id, @Valid @ModelAttribute("userForm") UserForm form, BindingResult result,
                  Model model, Principal me, HttpServletResponse response, RedirectAttributes redirect) {
        StaffUser before = existing(id);
        if (!result.hasErrors()) {
            try {
                administration.update(id, form.getEmail(), form.getName(), form.parsedRole());
                redirect.addFlashAttribute("notice", "Saved " + form.getEmail() + ".");
                boolean demotedMyself = before.email().equalsIgnoreCase(me.getName())
                        && form.parsedRole() != StaffUser.Role.ADMIN;
                // Someone who just gave up the admin role can no longer open this page.
                return demotedMyself ? "redirect:/admin" : "redirect:/manage_users";
            } catch (UserAdministration.Refused refused) {
                reject(result, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("user", before);
        return EDIT;
    }

    @PostMapping({"/manage_users/toggle/{id}", "/toggle_user_status/{id}"})
    String toggle(@PathVariable long id, RedirectAttributes redirect) {
        try {
            StaffUser user = administration.toggleActive(id);
            redirect.addFlashAttribute("notice",
                    (user.active() ? "Activated " : "Deactivated ") + user.email() + ".");
        } catch (UserAdministration.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/manage_users";
    }

    @GetMapping("/manage_users/delete/{id}")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("user", existing(id));
        return "staff/user-delete";
    }

    @PostMapping({"/manage_users/delete/{id}", "/delete_user/{id}"})
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            StaffUser user = administration.delete(id);
            redirect.addFlashAttribute("notice", "Deleted " + user.email() + ".");
        } catch (UserAdministration.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/manage_users";
    }

    private String showList(Model model) {
        model.addAttribute("users", users.findAll());
        return LIST;
    }

    private StaffUser existing(long id) {
        return users.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void reject(BindingResult result, UserAdministration.Refused refused) {
        if (UserAdministration.DUPLICATE.equals(refused.getMessage())) {
            result.rejectValue("email", "duplicate", refused.getMessage());
        } else {
            result.reject("refused", refused.getMessage());
        }
    }
}
